package fr.repere.web.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The questionnaire definitions and interviews saved as they go, over HTTP, on Payara Micro with MariaDB. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InterviewApiIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("interviewapi");

    @ArquillianResource
    private URL base;

    private URI drafts;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void locate() {
        drafts = uri("/api/v1/drafts");
        Http.loginAs(drafts, ORG.worker().email());
    }

    @Test
    void theCurrentQuestionnaireIsPublishedWithLabelsHintsAndSkipLogic() {
        HttpResponse<String> r = Http.get(uri("/api/v1/questionnaires/current"));
        assertEquals(200, r.statusCode());
        JsonObject q = Http.json(r);
        List<JsonObject> questions = q.getJsonArray("questions").getValuesAs(JsonObject.class);
        assertTrue(questions.size() >= 10);
        questions.forEach(question -> {
            assertFalse(question.getString("label").isBlank());
            assertFalse(question.getJsonArray("options").isEmpty());
        });
        assertTrue(questions.stream().anyMatch(question -> question.containsKey("showIf")));
        Set<String> dimensions = questions.stream().map(question -> question.getString("dimension")).collect(Collectors.toSet());
        assertTrue(dimensions.containsAll(Set.of("ACCESS", "SKILLS", "MOTIVATION", "BANKING", "CONTEXT")), dimensions.toString());

        String version = q.getString("version");
        HttpResponse<String> same = Http.get(uri("/api/v1/questionnaires/" + version));
        assertEquals(200, same.statusCode());
        assertEquals(q, Http.json(same));
        String etag = same.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, Http.send(HttpRequest.newBuilder(uri("/api/v1/questionnaires/" + version))
                .header("If-None-Match", etag)).statusCode());
        assertEquals(404, Http.get(uri("/api/v1/questionnaires/9.9")).statusCode());
        assertTrue(Http.get(uri("/api/v1/questionnaires")).body().contains("\"" + version + "\""));
    }

    @Test
    void anInterviewIsSavedAnswerByAnswerResumedAndCompleted() {
        HttpResponse<String> started = Http.postJson(drafts, "{\"caseRef\": \"CASE-9\", \"consent\": true}", Map.of());
        assertEquals(201, started.statusCode(), started.body());
        URI draft = URI.create(started.headers().firstValue("Location").orElseThrow());
        String id = Http.json(started).getString("id");

        Map<String, String> answers = answersOf(DiagnosticApiIT.AUTONOMOUS_PERSON);
        answers.forEach((question, json) -> {
            HttpResponse<String> saved = patch(draft, "{\"answers\": {\"" + question + "\": " + json + "}}");
            assertEquals(200, saved.statusCode(), saved.body());
        });
        JsonObject resumed = Http.json(Http.get(draft));
        assertTrue(resumed.getBoolean("complete"), resumed.toString());
        assertEquals(answers.keySet(), resumed.getJsonObject("answers").keySet());

        HttpResponse<String> done = Http.post(uri("/api/v1/drafts/" + id + "/diagnostic"), "application/json",
                HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(201, done.statusCode(), done.body());
        assertEquals(uri("/api/v1/diagnostics/" + id).toString(), done.headers().firstValue("Location").orElseThrow());
        assertEquals("CASE-9", Http.json(done).getString("caseRef"));

        // a retry after a lost response gets the same diagnostic, and the draft is gone
        HttpResponse<String> retry = Http.post(uri("/api/v1/drafts/" + id + "/diagnostic"), "application/json",
                HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(Http.json(done).getString("id"), Http.json(retry).getString("id"));
        assertEquals(404, Http.get(draft).statusCode());
        assertEquals(200, Http.get(uri("/api/v1/diagnostics/" + id)).statusCode());
    }

    @Test
    void answeringAHiddenQuestionIs422AndChangingAParentDropsItsChildren() {
        HttpResponse<String> started = Http.postJson(drafts,
                "{\"consent\": true, \"answers\": {\"ACC_EQUIPEMENT\": \"SMARTPHONE\", \"COMP_MANIPULATION\": \"SEUL\", \"COMP_MESSAGE\": \"SEUL\"}}", Map.of());
        assertEquals(201, started.statusCode(), started.body());
        URI draft = URI.create(started.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> changed = patch(draft, "{\"answers\": {\"ACC_EQUIPEMENT\": \"AUCUN\"}}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(List.of("COMP_MANIPULATION", "COMP_MESSAGE"), Http.json(changed).getJsonArray("dropped").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList());

        HttpResponse<String> hidden = patch(draft, "{\"answers\": {\"COMP_MESSAGE\": \"SEUL\"}}");
        assertEquals(422, hidden.statusCode(), hidden.body());
        assertTrue(hidden.body().contains("/answers/COMP_MESSAGE"), hidden.body());
        HttpResponse<String> unknown = patch(draft, "{\"answers\": {\"ACC_COURRIEL\": \"PEUT_ETRE\"}}");
        assertEquals(422, unknown.statusCode(), unknown.body());

        // nothing of the refused changes was kept, and the draft can't be completed yet
        JsonObject now = Http.json(Http.get(draft));
        assertEquals(Set.of("ACC_EQUIPEMENT"), now.getJsonObject("answers").keySet());
        assertFalse(now.getBoolean("complete"));
        String id = now.getString("id");
        HttpResponse<String> early = Http.post(uri("/api/v1/drafts/" + id + "/diagnostic"), "application/json",
                HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(422, early.statusCode(), early.body());
        assertEquals(200, Http.get(draft).statusCode());
    }

    @Test
    void anAbandonedDraftIsGoneAndBadIdsAre404() {
        HttpResponse<String> started = Http.postJson(drafts, "{\"consent\": true}", Map.of());
        URI draft = URI.create(started.headers().firstValue("Location").orElseThrow());
        assertEquals(204, Http.send(HttpRequest.newBuilder(draft).DELETE()).statusCode());
        assertEquals(404, Http.get(draft).statusCode());
        assertEquals(404, patch(draft, "{\"answers\": {}}").statusCode());
        assertEquals(404, Http.get(uri("/api/v1/drafts/pas-un-id")).statusCode());
        assertEquals(400, patch(uri("/api/v1/drafts/pas-un-id"), "{\"answers\": 3}").statusCode());
    }

    private HttpResponse<String> patch(URI draft, String body) {
        return Http.send(HttpRequest.newBuilder(draft).method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    /** The answers of a diagnostic body, each as its JSON text. */
    private static Map<String, String> answersOf(String diagnosticBody) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(diagnosticBody))) {
            return reader.readObject().getJsonObject("answers").entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString(), (a, b) -> a,
                            java.util.LinkedHashMap::new));
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
