package fr.repere.diagnostic;

import fr.repere.questionnaire.InvalidAnswersException;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.questionnaire.SampleAnswers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterviewsTest {

    private static final QuestionnaireCatalog V01 = QuestionnaireCatalog.of(
            QuestionnaireCatalog.load().version(SampleAnswers.QUESTIONNAIRE_VERSION).orElseThrow());

    private final InMemoryDiagnosticRepository diagnostics = new InMemoryDiagnosticRepository();
    private final InMemoryDrafts drafts = new InMemoryDrafts();
    private Interviews interviews;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
        OrientationPolicy policy = p -> new OrientationDecision(Orientation.TRAIN, List.of(new Reason("R", "motif")), "test");
        interviews = new Interviews(V01, drafts, new DiagnosticTaking(V01, policy, diagnostics, clock), clock);
    }

    @Test
    void answersAreSavedAsTheyComeAndTheDraftBecomesADiagnosticOfTheSameId() {
        Map<String, List<String>> all = SampleAnswers.autonomousPerson();
        DraftChange started = interviews.start("CASE-7", Map.of());
        DiagnosticId id = started.draft().id();
        all.forEach((q, options) -> interviews.answer(id, Map.of(q, options)));

        assertEquals(all, interviews.find(id).answers().asMap());
        Diagnostic diagnostic = interviews.complete(id);
        assertEquals(id, diagnostic.id());
        assertEquals("CASE-7", diagnostic.caseRef());
        assertEquals(all, diagnostic.answers().asMap());
        assertEquals(Optional.empty(), drafts.find(id));
        assertEquals(List.of(diagnostic), diagnostics.all());
    }

    @Test
    void contextLearntDuringTheInterviewReachesTheRulesWithTheAnswersFlags() {
        java.util.concurrent.atomic.AtomicReference<Profile> seen = new java.util.concurrent.atomic.AtomicReference<>();
        OrientationPolicy spy = p -> {
            seen.set(p);
            return new OrientationDecision(Orientation.TRAIN, List.of(new Reason("R", "motif")), "test");
        };
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);
        Interviews withSpy = new Interviews(V01, drafts, new DiagnosticTaking(V01, spy, diagnostics, clock), clock);
        DiagnosticId id = withSpy.start("CASE-8", SampleAnswers.autonomousPerson()).draft().id();

        withSpy.complete(id, fr.repere.caf.CafConsultation.QUARTERLY_FLAGS);

        assertTrue(seen.get().hasFlag("QUARTERLY_DECLARATION"), seen.get().toString());
        assertTrue(seen.get().hasFlag("PENDING_PROCEDURE"));
        assertTrue(seen.get().getFlags().containsAll(Profile.of(fr.repere.scoring.Scorer.score(
                QuestionnaireCatalog.load().version(SampleAnswers.QUESTIONNAIRE_VERSION).orElseThrow(),
                diagnostics.all().get(0).answers())).getFlags()), "the answers' own flags stay");
    }

    @Test
    void theConsentGivenAtTheStartIsRecordedAndCarriedOnToTheDiagnostic() {
        DiagnosticId id = interviews.start("T", "CASE-8", Map.of(), true).draft().id();
        assertEquals(Optional.of(Instant.parse("2026-11-24T09:00:00Z")), interviews.find(id).consentAt());
        SampleAnswers.autonomousPerson().forEach((q, options) -> interviews.answer(id, Map.of(q, options)));
        assertEquals(Optional.of(Instant.parse("2026-11-24T09:00:00Z")), interviews.complete(id).consentAt());

        DiagnosticId without = interviews.start("T", "CASE-8", Map.of()).draft().id();
        assertEquals(Optional.empty(), interviews.find(without).consentAt());
    }

    @Test
    void anIncompleteDraftCannotBeCompletedAndStaysAsItWas() {
        DiagnosticId id = interviews.start(null, Map.of("ACC_EQUIPEMENT", List.of("PERSONNEL"))).draft().id();
        InvalidAnswersException e = assertThrows(InvalidAnswersException.class, () -> interviews.complete(id));
        assertTrue(e.problems().stream().anyMatch(p -> p.question().equals("ACC_CONNEXION")));
        assertEquals(Map.of("ACC_EQUIPEMENT", List.of("PERSONNEL")), interviews.find(id).answers().asMap());
        assertTrue(diagnostics.all().isEmpty());
    }

    @Test
    void answeringAHiddenQuestionOrAnUnknownOptionIsRefusedNamingTheQuestion() {
        DiagnosticId id = interviews.start(null, Map.of("ACC_EQUIPEMENT", List.of("AUCUN"))).draft().id();
        InvalidAnswersException hidden = assertThrows(InvalidAnswersException.class,
                () -> interviews.answer(id, Map.of("COMP_MESSAGE", List.of("SEUL"))));
        assertEquals("COMP_MESSAGE", hidden.problems().get(0).question());
        InvalidAnswersException unknown = assertThrows(InvalidAnswersException.class,
                () -> interviews.answer(id, Map.of("ACC_COURRIEL", List.of("PEUT_ETRE"))));
        assertEquals("ACC_COURRIEL", unknown.problems().get(0).question());
        assertEquals(Map.of("ACC_EQUIPEMENT", List.of("AUCUN")), interviews.find(id).answers().asMap());
    }

    @Test
    void changingAParentAnswerDropsTheAnswersItNowHides() {
        DiagnosticId id = interviews.start(null, Map.of("ACC_EQUIPEMENT", List.of("PERSONNEL"),
                "COMP_MESSAGE", List.of("SEUL"), "COMP_RECHERCHE", List.of("SEUL"))).draft().id();
        DraftChange change = interviews.answer(id, Map.of("ACC_EQUIPEMENT", List.of("AUCUN")));
        assertEquals(List.of("COMP_MESSAGE"), change.dropped());
        assertFalse(change.draft().answers().answered("COMP_MESSAGE"));
        assertTrue(change.draft().answers().answered("COMP_RECHERCHE"));
    }

    @Test
    void anEmptyListClearsAnAnswer() {
        DiagnosticId id = interviews.start(null, Map.of("MOT_ENVIE", List.of("OUI"))).draft().id();
        interviews.answer(id, Map.of("MOT_ENVIE", List.of()));
        assertFalse(interviews.find(id).answers().answered("MOT_ENVIE"));
    }

    @Test
    void anAbandonedOrCompletedDraftIsUnknown() {
        DiagnosticId id = interviews.start(null, Map.of()).draft().id();
        interviews.abandon(id);
        assertThrows(UnknownDraftException.class, () -> interviews.find(id));
        assertThrows(UnknownDraftException.class, () -> interviews.answer(id, Map.of()));
        assertThrows(UnknownDraftException.class, () -> interviews.complete(DiagnosticId.next()));
    }

    /** Drafts in a map, for tests. */
    static final class InMemoryDrafts implements DraftRepository {
        private final Map<DiagnosticId, Draft> stored = new LinkedHashMap<>();

        @Override
        public void store(Draft draft) {
            stored.put(draft.id(), draft);
        }

        @Override
        public Optional<Draft> find(DiagnosticId id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public void remove(Draft draft) {
            stored.remove(draft.id());
        }
    }
}
