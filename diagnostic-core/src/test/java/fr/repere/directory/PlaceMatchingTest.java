package fr.repere.directory;

import fr.repere.diagnostic.DirectoryNeed;
import fr.repere.diagnostic.Orientation;
import fr.repere.territory.Commune;
import fr.repere.territory.Geography;
import fr.repere.territory.Territory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceMatchingTest {

    private static final Geography GEOGRAPHY = Geography.shipped();
    private static final Commune LILLE = GEOGRAPHY.commune("59350").orElseThrow();
    private static final DirectoryNeed DEMARCHES = new DirectoryNeed(LieuService.AIDE_DEMARCHES, Set.of(), "Faire avec");

    private static Place place(String id, String insee, Set<LieuService> services, Set<PriseEnChargeSpecifique> prises,
                               Set<FraisACharge> frais, Set<ModaliteAccompagnement> accompagnement, Double lat, Double lon,
                               Set<ModaliteAcces> acces) {
        Commune c = GEOGRAPHY.commune(insee).orElseThrow();
        PlaceData data = new PlaceData(id, "00000000000000", "Lieu " + id, c.nom(), c.codesPostaux().get(0), insee, "1 rue",
                null, lat, lon, Set.of(), null, List.of(), List.of(), null, null, null, null, Set.of(), null,
                LocalDate.of(2025, 1, 1), services, Set.of(), prises, frais, Set.of(), Set.of(), List.of(), acces,
                accompagnement, null, null);
        return Place.of("org-1", data, c, Instant.EPOCH);
    }

    private static Place simple(String id, String insee) {
        return place(id, insee, EnumSet.of(LieuService.AIDE_DEMARCHES), Set.of(), EnumSet.of(FraisACharge.GRATUIT),
                Set.of(), null, null, Set.of());
    }

    private static List<String> ids(PlaceMatching.NeedMatches m) {
        return m.places().stream().map(p -> p.place().id()).toList();
    }

    @Test
    void sameCommuneComesBeforeTheEpciWhichComesBeforeTheDepartement() {
        List<Place> places = List.of(simple("dunkerque", "59183"), simple("roubaix", "59512"), simple("lille", "59350"),
                simple("arras", "62041"));
        PlaceMatching.NeedMatches m = new PlaceMatching(LILLE, null, Set.of()).rank(DEMARCHES, places, 10);
        assertEquals(List.of("lille", "roubaix", "dunkerque"), ids(m), "Arras is in another département");
        assertEquals(Territory.Proximity.EPCI, m.places().get(1).proximity());
        assertTrue(m.places().get(0).why().contains("Dans la commune de la personne (Lille)"), m.places().get(0).why().toString());
    }

    @Test
    void aNeededSpecificCareIsRequired() {
        DirectoryNeed illettrisme = new DirectoryNeed(LieuService.AIDE_DEMARCHES, Set.of(PriseEnChargeSpecifique.ILLETTRISME), "Lire");
        List<Place> places = List.of(simple("lille", "59350"), place("roubaix", "59512", EnumSet.of(LieuService.AIDE_DEMARCHES),
                EnumSet.of(PriseEnChargeSpecifique.ILLETTRISME, PriseEnChargeSpecifique.SURDITE), Set.of(), Set.of(), null, null, Set.of()));
        PlaceMatching.NeedMatches m = new PlaceMatching(LILLE, null, Set.of()).rank(illettrisme, places, 10);
        assertEquals(List.of("roubaix"), ids(m));
        assertTrue(m.places().get(0).why().contains("Prise en charge spécifique : Illettrisme"));
    }

    @Test
    void noPlaceOfferingTheServiceIsAnUnmetNeed() {
        List<Place> places = List.of(simple("lille", "59350"), place("noPublic", "59350", EnumSet.of(LieuService.USAGE_SECURISE),
                Set.of(), Set.of(), Set.of(), null, null, EnumSet.of(ModaliteAcces.PAS_DE_PUBLIC)));
        PlaceMatching.NeedMatches m = new PlaceMatching(LILLE, null, Set.of())
                .rank(new DirectoryNeed(LieuService.USAGE_SECURISE, Set.of(), "Sécurité"), places, 10);
        assertTrue(m.unmet(), "a place that receives no public does not count");
    }

    @Test
    void withinATerritoryFreeComesFirstThenSuitableAccompanimentThenDistance() {
        Set<LieuService> s = EnumSet.of(LieuService.AIDE_DEMARCHES);
        List<Place> places = List.of(
                place("payant", "59350", s, Set.of(), EnumSet.of(FraisACharge.PAYANT), EnumSet.of(ModaliteAccompagnement.INDIVIDUEL), 50.63, 3.06, Set.of()),
                place("condition", "59350", s, Set.of(), EnumSet.of(FraisACharge.GRATUIT_SOUS_CONDITION), Set.of(), 50.63, 3.06, Set.of()),
                place("gratuitLoin", "59350", s, Set.of(), EnumSet.of(FraisACharge.GRATUIT), EnumSet.of(ModaliteAccompagnement.INDIVIDUEL), 50.66, 3.10, Set.of()),
                place("gratuitPres", "59350", s, Set.of(), EnumSet.of(FraisACharge.GRATUIT), EnumSet.of(ModaliteAccompagnement.INDIVIDUEL), 50.631, 3.061, Set.of()),
                place("gratuitAtelier", "59350", s, Set.of(), EnumSet.of(FraisACharge.GRATUIT), EnumSet.of(ModaliteAccompagnement.ATELIER_COLLECTIF), 50.63, 3.06, Set.of()));
        PlaceMatching matching = new PlaceMatching(LILLE, new PlaceMatching.Point(50.63, 3.06), PlaceMatching.suitableFor(Orientation.MEDIATOR));
        PlaceMatching.NeedMatches m = matching.rank(DEMARCHES, places, 10);
        assertEquals(List.of("gratuitPres", "gratuitLoin", "gratuitAtelier", "condition", "payant"), ids(m));
        assertTrue(m.places().get(0).why().contains("Accompagnement adapté : Accompagnement individuel"));
        assertTrue(m.places().get(1).why().stream().anyMatch(w -> w.matches("À \\d+,\\d km")), m.places().get(1).why().toString());
    }

    @Test
    void theLimitKeepsTheBestButCountsAll() {
        List<Place> places = List.of(simple("a", "59350"), simple("b", "59350"), simple("c", "59512"));
        PlaceMatching.NeedMatches m = new PlaceMatching(LILLE, null, Set.of()).rank(DEMARCHES, places, 2);
        assertEquals(2, m.places().size());
        assertEquals(3, m.total());
        assertFalse(m.unmet());
    }

    @Test
    void replacingAPlaceByTheSameLineChangesNothing() {
        Place p = simple("a", "59350");
        PlaceData same = p.data();
        assertFalse(p.replaceWith(same, LILLE, Instant.now()));
        assertEquals(Instant.EPOCH, p.updatedAt());
    }

    @Test
    void theCommuneCentreIsTheMeanOfItsLocatedPlaces() {
        Set<LieuService> s = EnumSet.of(LieuService.AIDE_DEMARCHES);
        PlaceMatching.Point centre = PlaceMatching.centreOf(LILLE, List.of(
                place("a", "59350", s, Set.of(), Set.of(), Set.of(), 50.0, 3.0, Set.of()),
                place("b", "59350", s, Set.of(), Set.of(), Set.of(), 51.0, 4.0, Set.of()),
                place("c", "59512", s, Set.of(), Set.of(), Set.of(), 10.0, 10.0, Set.of())));
        assertEquals(50.5, centre.latitude(), 1e-9);
        assertEquals(3.5, centre.longitude(), 1e-9);
    }
}
