package fr.repere.host;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.InMemoryDiagnosticRepository;
import fr.repere.identity.InMemoryOrganisations;
import fr.repere.identity.Team;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A host reads its organisation's dossiers of a case, one per team, in the teams its key may read. */
class HostCaseReadingTest {

    private final InMemoryOrganisations organisations = new InMemoryOrganisations();
    private final List<Diagnostic> stored = new ArrayList<>(); // newest first
    private final List<Collection<String>> asked = new ArrayList<>();
    private final InMemoryDiagnosticRepository byId = new InMemoryDiagnosticRepository();
    private final HostCaseReading reading = new HostCaseReading(organisations, (teams, caseRef) -> {
        asked.add(List.copyOf(teams));
        return stored.stream().filter(d -> teams.contains(d.team()) && d.caseRef().equals(caseRef)).toList();
    }, byId);

    private Team team(String organisation, String name) {
        Team t = new Team(organisation, name);
        organisations.addTeam(t);
        return t;
    }

    private Diagnostic diagnostic(Team team, String caseRef) {
        try {
            Constructor<Diagnostic> c = Diagnostic.class.getDeclaredConstructor();
            c.setAccessible(true);
            Diagnostic d = c.newInstance();
            set(d, "team", team.id());
            set(d, "caseRef", caseRef);
            stored.add(d);
            return d;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Object o, String field, Object value) throws ReflectiveOperationException {
        Field f = Diagnostic.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(o, value);
    }

    @Test
    void oneDossierPerTeamByTeamNameNeverMerged() {
        Team suivi = team("org-a", "Suivi");
        Team accueil = team("org-a", "Accueil");
        Team empty = team("org-a", "Bureau");
        Team elsewhere = team("org-b", "Ailleurs");
        Diagnostic newest = diagnostic(suivi, "C-1");
        Diagnostic middle = diagnostic(accueil, "C-1");
        Diagnostic oldest = diagnostic(suivi, "C-1");
        diagnostic(elsewhere, "C-1");
        diagnostic(suivi, "C-2");

        HostCaseReading.CaseRead read = reading.ofCase("org-a", List.of(), "C-1");

        assertEquals(List.of(List.of(suivi.id(), accueil.id(), empty.id())), asked.stream().map(c -> c.stream().sorted(
                java.util.Comparator.comparing(id -> List.of(suivi.id(), accueil.id(), empty.id()).indexOf(id))).toList()).toList());
        assertEquals(List.of(newest, middle, oldest), read.read(), "every diagnostic read, in the order read");
        assertEquals(2, read.dossiers().size());
        assertEquals(accueil, read.dossiers().get(0).team());
        assertEquals(List.of(middle), read.dossiers().get(0).diagnostics());
        assertEquals(suivi, read.dossiers().get(1).team());
        assertEquals(List.of(newest, oldest), read.dossiers().get(1).diagnostics());
    }

    @Test
    void aRestrictedKeyReadsItsTeamsOnly() {
        Team suivi = team("org-a", "Suivi");
        Team accueil = team("org-a", "Accueil");
        diagnostic(suivi, "C-1");
        Diagnostic ofAccueil = diagnostic(accueil, "C-1");

        HostCaseReading.CaseRead read = reading.ofCase("org-a", List.of(accueil.id()), "C-1");

        assertEquals(List.of(List.of(accueil.id())), asked);
        assertEquals(List.of(ofAccueil), read.read());
        assertEquals(1, read.dossiers().size());
        assertEquals(accueil, read.dossiers().get(0).team());
    }

    @Test
    void aCaseOfNoReadableTeamReadsNothing() {
        Team suivi = team("org-a", "Suivi");
        diagnostic(suivi, "C-1");
        HostCaseReading.CaseRead read = reading.ofCase("org-a", List.of("team-of-org-b"), "C-1");
        assertEquals(List.of(), read.read());
        assertEquals(List.of(), read.dossiers());
    }

    @Test
    void aDiagnosticIsReadByIdOnlyInTheTeamsTheKeyMayRead() {
        Team suivi = team("org-a", "Suivi");
        Team accueil = team("org-a", "Accueil");
        Team elsewhere = team("org-b", "Ailleurs");
        Diagnostic ours = Diagnostic.record(DiagnosticId.next(), suivi.id(), "C-1", "1.0",
                fr.repere.questionnaire.AnswerSheet.of(java.util.Map.of()),
                new fr.repere.scoring.ScoreCard(java.util.Map.of(), java.util.Set.of()),
                new fr.repere.diagnostic.OrientationDecision(fr.repere.diagnostic.Orientation.TRAIN, List.of(), "1"),
                java.time.Instant.EPOCH);
        byId.store(ours);

        assertEquals(java.util.Optional.of(ours), reading.diagnostic("org-a", List.of(), ours.id()));
        assertEquals(java.util.Optional.of(ours), reading.diagnostic("org-a", List.of(suivi.id()), ours.id()));
        assertEquals(java.util.Optional.empty(), reading.diagnostic("org-a", List.of(accueil.id()), ours.id()));
        assertEquals(java.util.Optional.empty(), reading.diagnostic("org-b", List.of(), ours.id()));
        assertEquals(java.util.Optional.empty(), reading.diagnostic("org-b", List.of(elsewhere.id()), ours.id()));
        assertEquals(java.util.Optional.empty(), reading.diagnostic("org-a", List.of(), DiagnosticId.next()));
    }
}
