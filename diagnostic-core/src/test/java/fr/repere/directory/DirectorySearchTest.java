package fr.repere.directory;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.DirectoryNeed;
import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.Reason;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Dimension;
import fr.repere.scoring.DimensionScore;
import fr.repere.scoring.Level;
import fr.repere.scoring.ScoreCard;
import fr.repere.territory.Commune;
import fr.repere.territory.Geography;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectorySearchTest {

    static final Geography GEOGRAPHY = Geography.shipped();
    static final Commune LILLE = GEOGRAPHY.commune("59350").orElseThrow();
    static final Commune ROUBAIX = GEOGRAPHY.commune("59512").orElseThrow();
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final DirectoryNeed DEMARCHES = new DirectoryNeed(LieuService.AIDE_DEMARCHES, Set.of(), "Faire avec");
    private static final DirectoryNeed ILLETTRISME = new DirectoryNeed(LieuService.AIDE_DEMARCHES,
            Set.of(PriseEnChargeSpecifique.ILLETTRISME), "Lire");

    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final DirectorySearch search = new DirectorySearch(directory);

    static PlaceData data(String id, Commune c, String nom) {
        return new PlaceData(id, "00000000000000", nom, c.nom(), c.codesPostaux().get(0), c.code(), "1 rue",
                null, null, null, Set.of(), null, List.of(), List.of(), null, null, null, null, Set.of(), null,
                LocalDate.of(2025, 1, 1), EnumSet.of(LieuService.AIDE_DEMARCHES), Set.of(), Set.of(),
                EnumSet.of(FraisACharge.GRATUIT), Set.of(), Set.of(), List.of(), Set.of(), Set.of(), null, null);
    }

    private static Diagnostic diagnostic(String team, DirectoryNeed... needs) {
        return Diagnostic.record(DiagnosticId.next(), team, "CASE-1", "1.0",
                AnswerSheet.of(Map.of("ACC_EQUIPEMENT", List.of("ORDINATEUR"))),
                new ScoreCard(Map.of(Dimension.ACCESS, new DimensionScore(Dimension.ACCESS, 20, Level.FRAGILE, 100)), Set.of()),
                new OrientationDecision(Orientation.MEDIATOR, List.of(new Reason("R1", "accès fragile")), List.of(),
                        List.of(needs), null, "1.0.0"), NOW);
    }

    @Test
    void eachNeedGetsThePlacesOfTheTeamsOrganisationAndAnUnmetNeedIsRecordedOnce() {
        directory.organisations.put("team-a", "org-1");
        directory.places.add(Place.of("org-1", data("lille", LILLE, "Lieu de Lille"), LILLE, NOW));
        directory.places.add(Place.of("org-2", data("autre", LILLE, "Lieu d'une autre organisation"), LILLE, NOW));
        Diagnostic d = diagnostic("team-a", DEMARCHES, ILLETTRISME, DEMARCHES);

        List<PlaceMatching.NeedMatches> found = search.placesFor(d, LILLE, null, 10, NOW);

        assertEquals(2, found.size(), "each need once");
        assertEquals(List.of("lille"), found.get(0).places().stream().map(m -> m.place().id()).toList());
        assertTrue(found.get(1).unmet());
        assertEquals(1, directory.unmet.size());
        assertEquals(LieuService.AIDE_DEMARCHES, directory.unmet.get(0).service());
        assertEquals(LILLE.territory(), directory.territoryOf(d.id().value()).orElseThrow().territory());

        search.placesFor(d, ROUBAIX, null, 10, NOW.plusSeconds(60));
        assertEquals(1, directory.unmet.size(), "recorded once per diagnostic and need");
        assertEquals(ROUBAIX.territory(), directory.territoryOf(d.id().value()).orElseThrow().territory(),
                "the person's territory given last is kept");
        assertEquals(1, directory.territories.size());
    }

    @Test
    void aTeamOfNoOrganisationHasNoPlaces() {
        Diagnostic d = diagnostic("team-x", DEMARCHES);
        directory.places.add(Place.of("org-1", data("lille", LILLE, "Lieu de Lille"), LILLE, NOW));
        assertTrue(search.placesFor(d, LILLE, null, 10, NOW).get(0).unmet());
        assertEquals(Optional.empty(), search.place("team-x", "lille"));
    }

    @Test
    void aPlaceIsReadInTheTeamsOrganisationsDirectoryOnly() {
        directory.organisations.put("team-a", "org-1");
        directory.organisations.put("team-b", "org-2");
        directory.places.add(Place.of("org-1", data("lille", LILLE, "Lieu de Lille"), LILLE, NOW));
        assertEquals("Lieu de Lille", search.place("team-a", "lille").orElseThrow().data().nom());
        assertFalse(search.place("team-b", "lille").isPresent());
    }

    @Test
    void theUnmetNeedsOfATeamComeWithTheDiagnosticsTheyName() {
        Diagnostic d = diagnostic("team-a", ILLETTRISME);
        directory.diagnostics.add(d);
        directory.diagnostics.add(diagnostic("team-a"));
        assertEquals(new DirectorySearch.UnmetNeeds(List.of(), List.of()), search.unmetNeeds("team-a"),
                "no need, no diagnostic read");

        search.placesFor(d, LILLE, null, 10, NOW);
        DirectorySearch.UnmetNeeds unmet = search.unmetNeeds("team-a");

        assertEquals(1, unmet.needs().size());
        assertEquals(List.of(d), unmet.diagnostics());
        assertEquals(List.of(), search.unmetNeeds("team-b").needs());
        search.flush();
        assertEquals(1, directory.flushes);
    }
}
