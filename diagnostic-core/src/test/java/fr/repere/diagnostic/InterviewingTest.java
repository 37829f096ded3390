package fr.repere.diagnostic;

import fr.repere.hostevent.RecordedHostEvents;
import fr.repere.hostevent.HostEventType;
import fr.repere.caf.CafConsultation;
import fr.repere.caf.InMemoryCafConsultations;
import fr.repere.caf.CafConsulting;
import fr.repere.caf.CafLookup;
import fr.repere.caf.CafSituation;
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
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterviewingTest {

    private static final QuestionnaireCatalog V01 = QuestionnaireCatalog.of(
            QuestionnaireCatalog.load().version(SampleAnswers.QUESTIONNAIRE_VERSION).orElseThrow());
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private final InMemoryDiagnosticRepository diagnostics = new InMemoryDiagnosticRepository();
    private final InterviewsTest.InMemoryDrafts drafts = new InterviewsTest.InMemoryDrafts();
    private final InMemoryCafConsultations caf = new InMemoryCafConsultations();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RecordedHostEvents hostEvents = new RecordedHostEvents();
    private final Interviewing interviewing = new Interviewing(V01, drafts, diagnostics, new CafConsulting(caf, clock), caf, clock, hostEvents);

    private static OrientationPolicy spying(AtomicReference<Profile> seen) {
        return p -> {
            seen.set(p);
            return new OrientationDecision(Orientation.TRAIN, List.of(new Reason("R", "motif")), "org-rules");
        };
    }

    private DiagnosticId answered() {
        DraftChange started = interviewing.start("team-a", "CASE-1", Map.of(), true);
        DiagnosticId id = started.draft().id();
        interviewing.answer(id, SampleAnswers.autonomousPerson());
        return id;
    }

    @Test
    void anInterviewStartedWithConsentIsAnsweredThenCompletedWithTheCallersRules() {
        DiagnosticId id = answered();
        assertEquals(Optional.of(NOW), interviewing.find(id).consentAt());
        assertEquals(SampleAnswers.QUESTIONNAIRE_VERSION, interviewing.questionnaireOf(interviewing.find(id)).version());

        AtomicReference<Profile> seen = new AtomicReference<>();
        Diagnostic d = interviewing.complete(id, spying(seen));

        assertEquals(id, d.id());
        assertEquals("org-rules", d.rulesetVersion());
        assertEquals(Optional.of(NOW), d.consentAt());
        assertEquals(Optional.empty(), drafts.find(id));
        assertEquals(List.of(d), diagnostics.all());
        assertTrue(seen.get() != null, "completing orients with the rules given");
    }

    @Test
    void whatTheCafSaidReachesTheRulesAndItsConsultationRecordsTheUse() {
        DiagnosticId id = answered();
        CafConsultation consultation = CafConsultation.consented(id.value(), "team-a", "agent-1", NOW);
        consultation.complete(new CafLookup.Found(new CafSituation(true, false)), NOW);
        caf.add(consultation);

        AtomicReference<Profile> seen = new AtomicReference<>();
        interviewing.complete(id, spying(seen));

        assertEquals(Optional.of(CafConsultation.Use.USED), consultation.inOrientation());
        assertTrue(seen.get().hasFlag("QUARTERLY_DECLARATION"), "the CAF's quarterly declarations are context for the rules");
    }

    @Test
    void withoutTheCafTheRulesSeeTheAnswersOnly() {
        DiagnosticId id = answered();
        AtomicReference<Profile> seen = new AtomicReference<>();
        interviewing.complete(id, spying(seen));
        assertTrue(!seen.get().hasFlag("QUARTERLY_DECLARATION"));
    }

    @Test
    void abandoningDeletesTheDraftAndWhatTheCafSaidDuringIt() {
        DiagnosticId id = answered();
        caf.add(CafConsultation.consented(id.value(), "team-a", "agent-1", NOW));
        caf.add(CafConsultation.consented("another", "team-a", "agent-1", NOW));

        interviewing.abandon(id);

        assertEquals(Optional.empty(), drafts.find(id));
        assertEquals(List.of("another"), caf.all.stream().map(CafConsultation::interview).toList());
        assertThrows(UnknownDraftException.class, () -> interviewing.find(id));
    }

    @Test
    void onlyCompletingOrients() {
        DiagnosticId id = answered();
        assertEquals(Set.of(), Set.copyOf(interviewing.answer(id, Map.of()).dropped()));
        assertThrows(UnknownDraftException.class, () -> interviewing.complete(DiagnosticId.next(), p -> {
            throw new AssertionError("no draft, no orientation");
        }));
    }

    @Test
    void completingAnInterviewWritesTheCompletedEventOnly() {
        DiagnosticId id = answered();
        assertEquals(java.util.List.of(), hostEvents.recorded());

        Diagnostic d = interviewing.complete(id, spying(new AtomicReference<>()));

        assertEquals(java.util.List.of(HostEventType.DIAGNOSTIC_COMPLETED), hostEvents.types());
        assertEquals("CASE-1", hostEvents.last().subject());
        assertEquals(d.id().value(), hostEvents.last().data().get("diagnosticId"));
    }
}
