package fr.repere.diagnostic;

import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Dimension;
import fr.repere.questionnaire.InvalidAnswersException;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.questionnaire.SampleAnswers;
import fr.repere.scoring.Level;
import fr.repere.scoring.ScoreCard;
import fr.repere.scoring.Scorer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnosticTakingTest {

    private static final QuestionnaireCatalog CATALOG = QuestionnaireCatalog.of(
            QuestionnaireCatalog.load().version(SampleAnswers.QUESTIONNAIRE_VERSION).orElseThrow());
    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53.123Z");
    private static final String RULESET = "orientation-2025.03";

    private InMemoryDiagnosticRepository repository;
    private List<Profile> profilesSeen;
    private OrientationPolicy policy;

    @BeforeEach
    void setUp() {
        repository = new InMemoryDiagnosticRepository();
        profilesSeen = new ArrayList<>();
        policy = profile -> {
            profilesSeen.add(profile);
            Orientation primary = profile.hasFlag("URGENT_PROCEDURE") ? Orientation.ON_BEHALF : Orientation.TRAIN;
            return new OrientationDecision(primary,
                    List.of(new Reason("R-" + primary, "Compétences : " + profile.getSkills().label()),
                            new Reason("R-TRACE", "Accès : " + profile.getAccess().label())),
                    RULESET);
        };
    }

    private DiagnosticTaking taking(Clock clock) {
        return new DiagnosticTaking(CATALOG, policy, repository, clock);
    }

    private DiagnosticTaking taking() {
        return taking(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void storesOneCompleteDiagnostic() {
        AnswerSheet answers = AnswerSheet.of(SampleAnswers.urgentProcedureFragileSkills());

        Diagnostic taken = taking().take(new NewDiagnostic("CAF-2025-0042", answers));

        assertEquals(List.of(taken), repository.all());
        assertSame(taken, repository.find(taken.id()).orElseThrow());
        assertTrue(DiagnosticId.parse(taken.id().value()).isPresent(), "a canonical UUID: " + taken.id());
        assertEquals("CAF-2025-0042", taken.caseRef());
        assertEquals("0.1", taken.questionnaireVersion());
        assertEquals(RULESET, taken.rulesetVersion());
        assertEquals(NOW, taken.takenAt());
        assertEquals(Orientation.ON_BEHALF, taken.primaryOrientation());
        assertEquals(answers, taken.answers());
        assertEquals(List.of(new Reason("R-ON_BEHALF", "Compétences : Fragile"), new Reason("R-TRACE", "Accès : Autonome")),
                taken.reasons());
    }

    @Test
    void storesTheScoresOfTheAnswers() {
        AnswerSheet answers = AnswerSheet.of(SampleAnswers.urgentProcedureFragileSkills());

        Diagnostic taken = taking().take(new NewDiagnostic(null, answers));

        ScoreCard expected = Scorer.score(CATALOG.current(), answers);
        assertEquals(expected.scores(), taken.scores().scores());
        assertEquals(Level.FRAGILE, taken.scores().of(Dimension.SKILLS).level());
        assertEquals(39, taken.scores().of(Dimension.SKILLS).score());
    }

    @Test
    void thePolicyDecidesOnTheProfileOfTheAnswers() {
        taking().take(new NewDiagnostic(null, AnswerSheet.of(SampleAnswers.urgentProcedureFragileSkills())));

        assertEquals(1, profilesSeen.size());
        Profile profile = profilesSeen.get(0);
        assertEquals(Level.AUTONOMOUS, profile.getAccess());
        assertEquals(Level.FRAGILE, profile.getSkills());
        assertEquals(Level.AUTONOMOUS, profile.getMotivation());
        assertEquals(Level.AUTONOMOUS, profile.getBanking());
        assertEquals(Set.of("URGENT_PROCEDURE", "PENDING_PROCEDURE"), profile.getFlags());
    }

    static Stream<Map<String, List<String>>> samples() {
        return SampleAnswers.all().values().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void answersRoundTripThroughTheDiagnostic(Map<String, List<String>> sample) {
        Diagnostic taken = taking().take(new NewDiagnostic(null, AnswerSheet.of(sample)));
        assertEquals(sample, taken.answers().asMap());
        assertEquals(List.copyOf(sample.keySet()), List.copyOf(taken.answers().asMap().keySet()), "question order kept");
        assertEquals(Scorer.score(CATALOG.current(), AnswerSheet.of(sample)).scores(), taken.scores().scores());
    }

    @Test
    void severalOptionsOfAMultipleQuestionRoundTripInOrder() {
        Map<String, List<String>> sample = SampleAnswers.with(SampleAnswers.autonomousPerson(), "ACC_CONNEXION",
                "LIEUX_PUBLICS", "BOX", "DONNEES_MOBILES");
        Diagnostic taken = taking().take(new NewDiagnostic(null, AnswerSheet.of(sample)));
        assertEquals(List.of("LIEUX_PUBLICS", "BOX", "DONNEES_MOBILES"), taken.answers().optionsOf("ACC_CONNEXION"));
        assertEquals(AnswerSheet.of(sample), taken.answers());
    }

    @Test
    void notAssessedDimensionsAreStoredAsSuch() {
        Diagnostic taken = taking().take(new NewDiagnostic(null, AnswerSheet.of(SampleAnswers.unknownEverywhere())));
        taken.scores().all().forEach(s -> {
            assertNull(s.score(), s.toString());
            assertEquals(Level.NOT_ASSESSED, s.level());
            assertEquals(0, s.confidence());
        });
        assertEquals(4, taken.scores().all().size());
    }

    @Test
    void takenAtIsTheInstantWhateverTheClockZone() {
        Diagnostic taken = taking(Clock.fixed(NOW, ZoneId.of("Pacific/Kiritimati")))
                .take(new NewDiagnostic(null, AnswerSheet.of(SampleAnswers.autonomousPerson())));
        assertEquals(NOW, taken.takenAt());
    }

    @Test
    void eachDiagnosticGetsItsOwnId() {
        DiagnosticTaking taking = taking();
        Diagnostic first = taking.take(new NewDiagnostic("A", AnswerSheet.of(SampleAnswers.autonomousPerson())));
        Diagnostic second = taking.take(new NewDiagnostic("A", AnswerSheet.of(SampleAnswers.autonomousPerson())));
        assertNotEquals(first.id(), second.id());
        assertEquals(List.of(first, second), repository.all());
        assertEquals(Orientation.TRAIN, repository.find(second.id()).orElseThrow().primaryOrientation());
    }

    @Test
    void invalidAnswersStoreNothingAndDoNotReachThePolicy() {
        Map<String, List<String>> hiddenAnswered = SampleAnswers.with(SampleAnswers.personWithoutDevice(), "COMP_MESSAGE", "SEUL");
        DiagnosticTaking taking = taking();

        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> taking.take(new NewDiagnostic("CAF-1", AnswerSheet.of(hiddenAnswered))));

        assertEquals("COMP_MESSAGE", e.problems().get(0).question());
        assertEquals(List.of(), repository.all());
        assertEquals(List.of(), profilesSeen);
    }

    @Test
    void incompleteAnswersStoreNothing() {
        Map<String, List<String>> incomplete = SampleAnswers.without(SampleAnswers.autonomousPerson(), "BAN_PAIEMENT");
        assertThrows(InvalidAnswersException.class,
                () -> taking().take(new NewDiagnostic(null, AnswerSheet.of(incomplete))));
        assertEquals(List.of(), repository.all());
    }

    @Test
    void aFailingPolicyStoresNothing() {
        policy = profile -> {
            throw new IllegalStateException("rule base unavailable");
        };
        assertThrows(IllegalStateException.class,
                () -> taking().take(new NewDiagnostic(null, AnswerSheet.of(SampleAnswers.autonomousPerson()))));
        assertEquals(List.of(), repository.all());
    }
}
