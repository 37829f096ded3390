package fr.repere.diagnostic;

import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Questionnaire;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.questionnaire.SampleAnswers;
import fr.repere.scoring.Scorer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A diagnostic keeps its questionnaire version: publishing a new version changes nothing in it. */
class VersioningTest {

    @Test
    void aPastDiagnosticReadsAndScoresTheSameAfterANewVersionIsPublished() throws Exception {
        Questionnaire v1 = QuestionnaireCatalog.load().version(SampleAnswers.QUESTIONNAIRE_VERSION).orElseThrow();
        Questionnaire v2 = harsherCopyOf(v1, "9.0");
        InMemoryDiagnosticRepository repository = new InMemoryDiagnosticRepository();
        Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
        OrientationPolicy policy = p -> new OrientationDecision(Orientation.TRAIN, List.of(new Reason("R", "motif")), "r1");
        AnswerSheet answers = AnswerSheet.of(SampleAnswers.autonomousPerson());

        Diagnostic before = new DiagnosticTaking(QuestionnaireCatalog.of(v1), policy, repository, clock)
                .take(new NewDiagnostic("C", answers));

        QuestionnaireCatalog published = QuestionnaireCatalog.of(v1, v2);
        assertEquals("9.0", published.current().version());
        Diagnostic stored = repository.find(before.id()).orElseThrow();
        assertEquals(SampleAnswers.QUESTIONNAIRE_VERSION, stored.questionnaireVersion());
        Questionnaire ofItsVersion = published.version(stored.questionnaireVersion()).orElseThrow();
        assertEquals(stored.scores().scores(), Scorer.score(ofItsVersion, stored.answers()).scores());
        // the same answers under the new version would score differently: the version matters
        assertNotEquals(stored.scores().scores(), Scorer.score(v2, stored.answers()).scores());
    }

    /** The same questions with every score halved, as a stand-in for a revised questionnaire. */
    private static Questionnaire harsherCopyOf(Questionnaire q, String version) throws Exception {
        try (InputStream in = VersioningTest.class.getClassLoader()
                .getResourceAsStream("questionnaires/repere-" + q.version() + ".json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"version\": \"" + q.version() + "\"", "\"version\": \"" + version + "\"")
                    .replace("\"score\": 100", "\"score\": 50");
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                JsonObject json = reader.readObject();
                return QuestionnaireCatalog.parse(json);
            }
        }
    }
}
