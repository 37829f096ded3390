package fr.repere.dossier;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.Draft;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CaseHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void theDiagnosticsComeOldestFirstAndTheDraftsAsTheTimelineGivesThem() {
        InMemoryDossiers store = new InMemoryDossiers();
        List<Diagnostic> newestFirst = List.of(
                DossierFixtures.diagnostic(store, "team-a", "CASE-1", NOW),
                DossierFixtures.diagnostic(store, "team-a", "CASE-1", NOW.minusSeconds(60)),
                DossierFixtures.diagnostic(store, "team-a", "CASE-1", NOW.minusSeconds(120)));
        List<Draft> lastSavedFirst = List.of(DossierFixtures.draft(store, "team-a", "CASE-1", NOW),
                DossierFixtures.draft(store, "team-a", "CASE-1", NOW.minusSeconds(30)));
        List<String> asked = new ArrayList<>();
        CaseHistory history = new CaseHistory(new DossierTimeline() {
            @Override
            public List<Diagnostic> diagnostics(String team, String caseRef) {
                asked.add("diagnostics of " + team + "/" + caseRef);
                return newestFirst;
            }

            @Override
            public List<Draft> drafts(String team, String caseRef) {
                asked.add("drafts of " + team + "/" + caseRef);
                return lastSavedFirst;
            }
        });

        CaseHistory.Story story = history.of("team-a", "CASE-1");

        assertEquals(List.of(newestFirst.get(2), newestFirst.get(1), newestFirst.get(0)), story.diagnostics());
        assertEquals(lastSavedFirst, story.drafts());
        assertEquals(List.of("diagnostics of team-a/CASE-1", "drafts of team-a/CASE-1"), asked);
    }

    @Test
    void anUnknownCaseHasAnEmptyStory() {
        CaseHistory history = new CaseHistory(new DossierTimeline() {
            @Override
            public List<Diagnostic> diagnostics(String team, String caseRef) {
                return List.of();
            }

            @Override
            public List<Draft> drafts(String team, String caseRef) {
                return List.of();
            }
        });
        assertEquals(new CaseHistory.Story(List.of(), List.of()), history.of("team-a", "NOBODY"));
    }
}
