package fr.repere.web.api;

import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswersRequestTest {

    private static AnswersRequest diagnostic(String json) {
        return AnswersRequest.forDiagnostic(JsonBodies.object(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void singleAndMultipleAnswersAreRead() {
        AnswersRequest r = diagnostic("{\"caseRef\": \"AB-12/3\", \"answers\": {\"Q_A\": \"X\", \"Q_B\": [\"Y\", \"Z\"]}}");
        assertEquals("AB-12/3", r.caseRef());
        assertEquals(Map.of("Q_A", List.of("X"), "Q_B", List.of("Y", "Z")), r.answers());
    }

    @Test
    void caseRefIsOptional() {
        assertNull(diagnostic("{\"answers\": {}}").caseRef());
        assertNull(diagnostic("{\"caseRef\": null, \"answers\": {}}").caseRef());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"answers": {"Q_A": 1}}                     | /answers/Q_A
            {"answers": {"Q_A": [1]}}                   | /answers/Q_A
            {"answers": {"Q_A": null}}                  | /answers/Q_A
            {"answers": {"q_a": "X"}}                   | /answers/q_a
            {"answers": {"Q_A": "x y"}}                 | /answers/Q_A
            {"answers": {"A/B": "X"}}                   | /answers/A~1B
            {"answers": []}                             | /answers
            {}                                          | /answers
            {"answers": {}, "caseRef": ""}              | /caseRef
            {"answers": {}, "caseRef": "a b"}           | /caseRef
            {"answers": {}, "caseRef": 12}              | /caseRef
            {"answers": {}, "name": "Jean Dupont"}      | /name
            """)
    void shapeErrorsNameTheField(String json, String pointer) {
        ProblemException e = assertThrows(ProblemException.class, () -> diagnostic(json));
        Problem p = e.problem();
        assertEquals(400, p.status());
        assertTrue(p.errors().stream().anyMatch(err -> err.pointer().equals(pointer)), p.errors().toString());
    }

    @Test
    void aDraftChangeClearsWithNullAndTakesNoCaseRef() {
        AnswersRequest r = AnswersRequest.forDraftChange(JsonBodies.object(
                "{\"answers\": {\"Q_A\": null, \"Q_B\": \"X\"}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Map.of("Q_A", List.of(), "Q_B", List.of("X")), r.answers());
        assertThrows(ProblemException.class, () -> AnswersRequest.forDraftChange(JsonBodies.object(
                "{\"caseRef\": \"X\", \"answers\": {}}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aNewDraftMayHaveNoAnswers() {
        assertEquals(Map.of(), AnswersRequest.forNewDraft(JsonBodies.object("{}".getBytes(StandardCharsets.UTF_8))).answers());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""
            "{"
            "[1]"
            "\\"texte\\""
            "{\\"a\\": }"
            """)
    void malformedJsonIs400(String json) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> JsonBodies.object(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.problem().status());
    }

    @Test
    void oversizedStreamsAreRefused() {
        byte[] big = new byte[JsonBodies.MAX_BYTES + 1];
        ProblemException e = assertThrows(ProblemException.class,
                () -> JsonBodies.readLimited(new java.io.ByteArrayInputStream(big)));
        assertEquals(413, e.problem().status());
        assertEquals(JsonBodies.MAX_BYTES, JsonBodies.readLimited(new java.io.ByteArrayInputStream(new byte[JsonBodies.MAX_BYTES])).length);
    }
}
