package fr.repere.diagnostic;

import fr.repere.hostevent.RecordedHostEvents;
import fr.repere.hostevent.HostEventType;
import fr.repere.hostevent.HostEvent;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.questionnaire.SampleAnswers;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnosingTest {

    private static final QuestionnaireCatalog V01 = QuestionnaireCatalog.of(
            QuestionnaireCatalog.load().version(SampleAnswers.QUESTIONNAIRE_VERSION).orElseThrow());
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private final InMemoryDiagnosticRepository repository = new InMemoryDiagnosticRepository();
    private final RecordedHostEvents hostEvents = new RecordedHostEvents();
    private final Diagnosing diagnosing = new Diagnosing(V01, repository, Clock.fixed(NOW, ZoneOffset.UTC), hostEvents);

    private static OrientationPolicy always(Orientation orientation) {
        return p -> new OrientationDecision(orientation, List.of(new Reason("R", "motif")), "org-rules");
    }

    @Test
    void aDiagnosticIsTakenWithTheCallersPolicyStoredAndFoundAgain() {
        Diagnostic d = diagnosing.take(always(Orientation.TRAIN),
                new NewDiagnostic("team-a", "CASE-1", AnswerSheet.of(SampleAnswers.autonomousPerson())));

        assertEquals(Orientation.TRAIN, d.primaryOrientation());
        assertEquals("org-rules", d.rulesetVersion());
        assertEquals(NOW, d.takenAt());
        assertEquals(List.of(d), repository.all());
        assertEquals(Optional.of(d), diagnosing.find(d.id()));
        assertEquals(Optional.empty(), diagnosing.find(DiagnosticId.next()));
        assertTrue(d.belongsTo("team-a"));
    }

    @Test
    void theWorkersDecisionIsRecordedNow() {
        Diagnostic d = diagnosing.take(always(Orientation.TRAIN),
                new NewDiagnostic("team-a", "CASE-1", AnswerSheet.of(SampleAnswers.autonomousPerson())));

        WorkerDecision decision = diagnosing.decide(d, Orientation.TRAIN, Set.of(), null);

        assertEquals(NOW, decision.decidedAt());
        assertEquals(Optional.of(decision), d.decision());
    }

    @Test
    void takingThenDecidingWritesTheCompletedThenTheDecidedEventThinAndUnderTheCaseReference() {
        Diagnostic d = diagnosing.take(always(Orientation.TRAIN),
                new NewDiagnostic("team-a", "CASE-1", AnswerSheet.of(SampleAnswers.autonomousPerson())));
        diagnosing.decide(d, Orientation.MEDIATOR, Set.of(ComplementaryAction.LITERACY), "la personne préfère un médiateur");

        assertEquals(List.of(HostEventType.DIAGNOSTIC_COMPLETED, HostEventType.DIAGNOSTIC_DECIDED), hostEvents.types());
        HostEvent completed = hostEvents.recorded().get(0);
        assertEquals("CASE-1", completed.subject());
        assertEquals("team-a", completed.team());
        assertEquals(d.id().value(), completed.data().get("diagnosticId"));
        assertEquals("TRAIN", completed.data().get("proposedOrientation"));
        assertEquals(Map.of("diagnostic", "/api/v1/host/diagnostics/" + d.id().value()), completed.data().get("links"));
        HostEvent decided = hostEvents.last();
        assertEquals("MEDIATOR", decided.data().get("orientation"));
        assertEquals(true, decided.data().get("overridden"));
        String json = decided.cloudEvent("org-1");
        assertFalse(json.contains("médiateur"), "no free text: " + json);
        assertFalse(json.contains("LITERACY"), "no complementary action: " + json);
        d.answers().asMap().keySet().forEach(q -> assertFalse(completed.cloudEvent("org-1").contains("\"" + q + "\""), q));
    }

    @Test
    void aRefusedDecisionWritesNoEvent() {
        Diagnostic d = diagnosing.take(always(Orientation.TRAIN),
                new NewDiagnostic("team-a", "CASE-1", AnswerSheet.of(SampleAnswers.autonomousPerson())));

        assertThrows(OverrideWithoutReasonException.class, () -> diagnosing.decide(d, Orientation.MEDIATOR, Set.of(), null));

        assertEquals(List.of(HostEventType.DIAGNOSTIC_COMPLETED), hostEvents.types());
    }
}
