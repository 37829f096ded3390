package fr.repere.dossier;

import fr.repere.diagnostic.ComplementaryAction;
import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;
import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.Reason;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Dimension;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.scoring.DimensionScore;
import fr.repere.scoring.Level;
import fr.repere.scoring.ScoreCard;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DossierRetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final QuestionnaireCatalog CATALOG = QuestionnaireCatalog.load();

    private final InMemoryDossiers dossiers = new InMemoryDossiers();
    private final DossierRetention retention = new DossierRetention(dossiers, RetentionPeriod.dossiers(24));

    private static Instant monthsAgo(int months) {
        return NOW.atZone(java.time.ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    private Diagnostic diagnostic(String team, String caseRef, Instant takenAt) {
        Diagnostic d = Diagnostic.record(DiagnosticId.next(), team, caseRef, "1.0",
                AnswerSheet.of(Map.of("ACC_EQUIPEMENT", List.of("ORDINATEUR"))),
                new ScoreCard(Map.of(Dimension.ACCESS, new DimensionScore(Dimension.ACCESS, 20, Level.FRAGILE, 100)), Set.of()),
                new OrientationDecision(Orientation.MEDIATOR, List.of(new Reason("R1", "accès fragile")), "1.0.0"), takenAt);
        dossiers.diagnostics.add(d);
        return d;
    }

    private Draft draft(String team, String caseRef, Instant savedAt) {
        Draft d = Draft.start(DiagnosticId.next(), team, caseRef, CATALOG.current(), savedAt);
        dossiers.drafts.add(d);
        return d;
    }

    @Test
    void aDossierIsDueWhenNothingHappenedForThePeriod() {
        diagnostic("A", "OLD", monthsAgo(30));
        diagnostic("A", "RECENT", monthsAgo(30));
        diagnostic("A", "RECENT", monthsAgo(3));
        diagnostic("A", "EDGE", monthsAgo(24).plusSeconds(1));
        assertEquals(List.of(new DossierRef("A", "OLD")), retention.due(NOW, 100));
    }

    @Test
    void aDecisionOrADraftSavedIsActivity() {
        Diagnostic decided = diagnostic("A", "DECIDED", monthsAgo(30));
        decided.decide(Orientation.MEDIATOR, Set.of(), null, monthsAgo(2));
        diagnostic("A", "DRAFTED", monthsAgo(30));
        draft("A", "DRAFTED", monthsAgo(1));
        assertEquals(List.of(), retention.due(NOW, 100));
        assertEquals(java.util.Optional.of(monthsAgo(1)), dossiers.find(new DossierRef("A", "DRAFTED")).lastActivity());
    }

    @Test
    void theSameCaseReferenceInAnotherTeamIsAnotherDossier() {
        diagnostic("A", "SAME", monthsAgo(30));
        diagnostic("B", "SAME", monthsAgo(1));
        assertEquals(List.of(new DossierRef("A", "SAME")), retention.due(NOW, 100));
    }

    @Test
    void anonymizationKeepsStatisticsAndRemovesWhatPointsToThePerson() {
        Diagnostic d = diagnostic("A", "OLD", monthsAgo(30));
        d.decide(Orientation.ON_BEHALF, Set.of(ComplementaryAction.EQUIPMENT), "Mme Dupont ne peut pas se déplacer", monthsAgo(29));
        Draft draft = draft("A", "OLD", monthsAgo(28));
        DiagnosticId oldId = d.id();

        Dossier.Anonymization done = retention.anonymizeIfDue(new DossierRef("A", "OLD"), NOW).orElseThrow();

        assertEquals(1, done.diagnostics());
        assertEquals(List.of(draft), done.draftsToDelete());
        assertFalse(dossiers.drafts.contains(draft), "the unfinished interview is deleted");
        assertTrue(d.isAnonymous());
        assertNull(d.caseRef());
        assertTrue(d.answers().asMap().isEmpty(), "answers may be sensitive: they go");
        var decision = d.decision().orElseThrow();
        assertNull(decision.reason(), "free text may name the person");
        assertTrue(decision.overridden(), "the fact that the proposal was overridden stays");
        assertEquals(Orientation.ON_BEHALF, decision.orientation());
        assertEquals(Set.of(ComplementaryAction.EQUIPMENT), decision.actions());
        assertEquals(Orientation.MEDIATOR, d.proposal().primary());
        assertEquals(Level.FRAGILE, d.scores().of(Dimension.ACCESS).level());
        assertEquals("A", d.team());
        assertEquals("1.0.0", d.rulesetVersion());
        assertEquals("1.0", d.questionnaireVersion());
        assertEquals(d.takenAt(), d.takenAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().withDayOfMonth(1)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), "dates are kept to the month");
        assertTrue(d.takenAt().isAfter(monthsAgo(31)));
        assertNotEquals(oldId, dossiers.renumbered.get(d), "the diagnostic is known under a new id");
        assertEquals(List.of(oldId, draft.id()), dossiers.cafRemoved, "what the CAF said during its interviews goes");
        assertThrows(IllegalStateException.class, () -> d.decide(Orientation.TRAIN, Set.of(), "x", NOW));
    }

    @Test
    void runningTwiceChangesNothingMore() {
        diagnostic("A", "OLD", monthsAgo(30));
        assertTrue(retention.anonymizeIfDue(new DossierRef("A", "OLD"), NOW).isPresent());
        assertTrue(retention.anonymizeIfDue(new DossierRef("A", "OLD"), NOW).isEmpty());
        assertEquals(List.of(), retention.due(NOW, 100));
    }

    @Test
    void aDossierResumedSinceItWasListedIsLeftAlone() {
        Diagnostic d = diagnostic("A", "RESUMED", monthsAgo(30));
        List<DossierRef> due = retention.due(NOW, 100);
        draft("A", "RESUMED", NOW.minus(1, ChronoUnit.HOURS));
        assertTrue(retention.anonymizeIfDue(due.get(0), NOW).isEmpty());
        assertEquals("RESUMED", d.caseRef());
    }

    @Test
    void dueDossiersComeInBatchesOldestFirst() {
        diagnostic("A", "C", monthsAgo(40));
        diagnostic("A", "B", monthsAgo(50));
        diagnostic("A", "D", monthsAgo(30));
        assertEquals(List.of(new DossierRef("A", "B"), new DossierRef("A", "C")), retention.due(NOW, 2));
    }

    @Test
    void erasureDeletesTheDossierAndIsHarmlessTwice() {
        diagnostic("A", "ASKED", NOW.minus(1, ChronoUnit.DAYS));
        diagnostic("A", "ASKED", NOW);
        draft("A", "ASKED", NOW);
        Diagnostic other = diagnostic("B", "ASKED", NOW);
        List<DiagnosticId> interviews = dossiers.find(new DossierRef("A", "ASKED")).interviews();
        DossierErasure erasure = new DossierErasure(dossiers);

        assertEquals(new DossierErasure.Erased(2, 1), erasure.erase(new DossierRef("A", "ASKED")));
        assertEquals(3, interviews.size());
        assertEquals(interviews, dossiers.cafRemoved, "what the CAF said during its interviews is erased with them");
        assertEquals(List.of(other), dossiers.diagnostics, "another team's dossier of the same reference stays");
        assertTrue(dossiers.drafts.isEmpty());
        assertTrue(erasure.erase(new DossierRef("A", "ASKED")).nothing());
    }

    @Test
    void aDossierHoldsOnlyItsOwnRecords() {
        Diagnostic d = diagnostic("B", "X", NOW);
        assertThrows(IllegalArgumentException.class, () -> Dossier.of(new DossierRef("A", "X"), List.of(d), List.of()));
    }

    @Test
    void diagnosticsAndDraftsWithoutACaseReferenceAreDueAfterTheSamePeriod() {
        Diagnostic old = diagnostic("A", null, monthsAgo(30));
        Diagnostic recent = diagnostic("A", null, monthsAgo(3));
        Diagnostic decidedLately = diagnostic("A", null, monthsAgo(30));
        decidedLately.decide(Orientation.MEDIATOR, Set.of(), null, monthsAgo(1));
        Draft abandoned = draft("A", null, monthsAgo(40));
        draft("A", null, monthsAgo(2));
        diagnostic("A", "IN_A_DOSSIER", monthsAgo(50));

        assertEquals(List.of(abandoned.id(), old.id()), retention.dueWithoutCase(NOW, 100), "oldest first, dossiers apart");
        assertEquals(List.of(abandoned.id()), retention.dueWithoutCase(NOW, 1));
        assertFalse(retention.dueWithoutCase(NOW, 100).contains(recent.id()));
        assertFalse(retention.dueWithoutCase(NOW, 100).contains(decidedLately.id()));
    }

    @Test
    void aDiagnosticWithoutACaseReferenceIsAnonymizedLikeADossier() {
        Diagnostic d = diagnostic("A", null, monthsAgo(30));
        d.decide(Orientation.ON_BEHALF, Set.of(), "M. Martin vit chez sa soeur", monthsAgo(29));
        DiagnosticId oldId = d.id();

        assertTrue(retention.anonymizeWithoutCaseIfDue(oldId, NOW));

        assertTrue(d.isAnonymous());
        assertTrue(d.answers().asMap().isEmpty());
        assertNull(d.decision().orElseThrow().reason());
        assertEquals(List.of(oldId), dossiers.referralsRedacted, "the free text of its referrals goes too");
        assertEquals(List.of(oldId), dossiers.cafRemoved, "and what the CAF said during the interview");
        assertNotEquals(oldId, dossiers.renumbered.get(d));
        assertFalse(retention.anonymizeWithoutCaseIfDue(oldId, NOW), "running twice changes nothing more");
        assertEquals(List.of(), retention.dueWithoutCase(NOW, 100));
    }

    @Test
    void anAbandonedInterviewWithoutACaseReferenceIsDeleted() {
        Draft abandoned = draft("A", null, monthsAgo(30));
        Draft resumed = draft("A", null, monthsAgo(30));
        List<DiagnosticId> due = retention.dueWithoutCase(NOW, 100);
        resumed.answer(CATALOG.current(), Map.of(), NOW);

        assertTrue(retention.anonymizeWithoutCaseIfDue(abandoned.id(), NOW));
        assertFalse(retention.anonymizeWithoutCaseIfDue(due.get(1), NOW), "resumed since it was listed: left alone");
        assertEquals(List.of(resumed), dossiers.drafts);
        assertEquals(List.of(abandoned.id()), dossiers.cafRemoved, "the resumed interview keeps its CAF answer");
    }
}
