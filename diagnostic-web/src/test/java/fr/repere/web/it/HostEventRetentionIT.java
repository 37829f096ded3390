package fr.repere.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static fr.repere.web.it.Dossiers.count;
import static fr.repere.web.it.Dossiers.executeAsOwner;
import static fr.repere.web.it.Dossiers.takeDiagnostic;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Host events are kept 30 days: the nightly retention deletes older ones with their webhook
 * deliveries, and a feed cursor below what was deleted is answered 410 with the cursor to read on
 * from, never a page that silently skips events. Runs the job "as of now" through
 * {@link RetentionTrigger}, over events back-dated over JDBC.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostEventRetentionIT {

    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("eventkeep");
    private static final TestOrganisations.Organisation OTHER_ORG = TestOrganisations.create("eventkeep2");
    private static final String KEY = TestOrganisations.hostKey(ORG);
    private static final String OTHER_KEY = TestOrganisations.hostKey(OTHER_ORG);

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar().addClass(RetentionTrigger.class);
    }

    @AfterEach
    void forget() {
        Http.anonymous();
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private HttpResponse<String> feed(String key, long after) {
        Http.asHost(key);
        return Http.get(uri("/api/v1/host/events?after=" + after + "&limit=500"));
    }

    private static List<String> ids(HttpResponse<String> r) {
        JsonArray events = Http.json("{\"a\": " + r.body() + "}").getJsonArray("a");
        return events.stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    @Test
    void eventsOlderThan30DaysGoWithTheirDeliveriesAndAStaleCursorIsToldWhereToReadOn() throws Exception {
        Http.loginAs(uri("/"), ORG.worker().email());
        for (int i = 0; i < 3; i++) {
            takeDiagnostic(uri("/"), unique("GARDE"));
        }
        Http.loginAs(uri("/"), OTHER_ORG.worker().email());
        takeDiagnostic(uri("/"), unique("GARDE"));
        HttpResponse<String> all = feed(KEY, 0);
        assertEquals(200, all.statusCode(), all.body());
        List<String> ids = ids(all);
        assertEquals(3, ids.size(), all.body());
        long end = Long.parseLong(all.headers().firstValue("Repere-Next-Cursor").orElseThrow());

        // the first event is 31 days old, the second 29; the first has a delivery to some endpoint, which
        // has planned everything up to the end so the webhook schedule adds no delivery of its own meanwhile
        executeAsOwner("UPDATE host_event SET occurred_at = ? WHERE event_id = ?", Instant.now().minus(31, ChronoUnit.DAYS), ids.get(0));
        executeAsOwner("UPDATE host_event SET occurred_at = ? WHERE event_id = ?", Instant.now().minus(29, ChronoUnit.DAYS), ids.get(1));
        String endpoint = java.util.UUID.randomUUID().toString();
        executeAsOwner("INSERT INTO webhook_endpoint (id, organisation_id, url, created_at, created_by, planned_seq) "
                + "VALUES (?, ?, 'https://logiciel.exemple.fr/evenements', UTC_TIMESTAMP(3), ?, ?)", endpoint, ORG.id(), ORG.admin().id(), end);
        executeAsOwner("INSERT INTO webhook_delivery (endpoint_id, event_position, state, next_attempt_at) "
                + "SELECT ?, position, 'DELIVERED', UTC_TIMESTAMP(3) FROM host_event WHERE event_id = ?", endpoint, ids.get(0));
        long firstSeq = count("SELECT seq FROM host_event WHERE event_id = ?", ids.get(0));

        HttpResponse<String> job = Http.post(uri("/it/retention?job=events&asOf=" + Instant.now()), "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.noBody(), Map.of());
        assertEquals(200, job.statusCode(), job.body());
        assertTrue(Http.json(job).getInt("count") >= 1, job.body());
        assertEquals(0, count("SELECT COUNT(*) FROM host_event WHERE event_id = ?", ids.get(0)), "31 days old: deleted");
        assertEquals(2, count("SELECT COUNT(*) FROM host_event WHERE event_id IN (?, ?)", ids.get(1), ids.get(2)), "29 days old: kept");
        assertEquals(0, count("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ?", endpoint), "its delivery went with it");
        assertEquals(firstSeq, count("SELECT purged_through FROM host_event_purge WHERE organisation_id = ?", ORG.id()));

        HttpResponse<String> stale = feed(KEY, 0);
        assertEquals(410, stale.statusCode(), stale.body());
        assertTrue(stale.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = Http.json(stale);
        assertTrue(problem.getString("detail").contains("gardés 30 jours"), problem.toString());
        assertEquals(String.valueOf(firstSeq), stale.headers().firstValue("Repere-Next-Cursor").orElse(null));
        HttpResponse<String> resumed = feed(KEY, firstSeq);
        assertEquals(200, resumed.statusCode());
        assertEquals(ids.subList(1, 3), ids(resumed), "from the cursor given: the events kept, none skipped");
        assertEquals("[]", feed(KEY, end).body(), "an up-to-date reader sees nothing change");
        assertEquals(200, feed(OTHER_KEY, 0).statusCode(), "another organisation's feed is whole: read from the start");
        assertEquals(1, ids(feed(OTHER_KEY, 0)).size());
    }
}
