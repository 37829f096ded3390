package fr.repere.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static fr.repere.web.it.Dossiers.assertProblem;
import static fr.repere.web.it.Dossiers.count;
import static fr.repere.web.it.Dossiers.executeAsOwner;
import static fr.repere.web.it.Dossiers.takeDiagnostic;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host events' outbox and pull feed against the real database (issue 17): every change a host
 * may care about is published once, thin, in order, to its organisation's keys only; an event
 * committed late is never skipped by the cursor; a rolled-back change publishes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostEventsIT {

    /** This class's own organisation (TestOrganisations): it counts and reads its own rows only. */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("hostevents");
    /** Another organisation of this class's own, the one that must find nothing of {@link #ORG}. */
    private static final TestOrganisations.Organisation OTHER_ORG = TestOrganisations.create("hostev-other");
    private static final String HOST_KEY = TestOrganisations.hostKey(ORG);
    private static final String OTHER_HOST_KEY = TestOrganisations.hostKey(OTHER_ORG);

    private static final String BATCH = "application/cloudevents-batch+json";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @AfterEach
    void forget() {
        Http.anonymous();
    }

    /** A page of the feed: its events and the next cursor. */
    private record Page(List<JsonObject> events, String next) {
    }

    private Page read(String key, String after, int limit) {
        Http.asHost(key);
        HttpResponse<String> r = Http.get(uri("/api/v1/host/events?after=" + after + "&limit=" + limit));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(BATCH), r.headers().toString());
        JsonArray events = Http.json("{\"a\": " + r.body() + "}").getJsonArray("a");
        return new Page(events.stream().map(JsonValue::asJsonObject).toList(),
                r.headers().firstValue("Repere-Next-Cursor").orElseThrow());
    }

    /** Everything after {@code after}, page by page; each event id at most once. */
    private List<JsonObject> all(String key, String after, int limit) {
        List<JsonObject> all = new ArrayList<>();
        String cursor = after;
        while (true) {
            Page page = read(key, cursor, limit);
            if (page.events().isEmpty()) {
                assertEquals(cursor, page.next(), "no event: the cursor stays");
                return all;
            }
            all.addAll(page.events());
            cursor = page.next();
        }
    }

    private String hostKey(TestOrganisations.Organisation org, String teams) {
        Http.loginAs(uri("/"), org.admin().email());
        HttpResponse<String> issued = Http.postJson(uri("/api/v1/admin/host-keys"),
                "{\"label\": \"Logiciel de suivi\"" + (teams == null ? "" : ", \"teams\": [\"" + teams + "\"]") + "}", Map.of());
        assertEquals(201, issued.statusCode(), issued.body());
        return Http.json(issued).getString("key");
    }

    private static List<String> types(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("type")).toList();
    }

    @Test
    void everyChangeIsPublishedOnceThinInOrderToItsOrganisationOnly() throws Exception {
        TestOrganisations.Organisation org = TestOrganisations.create("hostevents");
        String key = hostKey(org, null);
        String teamBKey = hostKey(org, org.otherTeam());
        String start = read(key, "0", 500).next();
        assertEquals("0", start, "a new organisation has no event yet");

        String caseRef = unique("EVT");
        Http.loginAs(uri("/"), org.worker().email());
        String diagnostic = takeDiagnostic(uri("/"), caseRef);
        HttpResponse<String> decided = Dossiers.decide(uri("/"), diagnostic,
                "{\"orientation\": \"TRAIN\", \"reason\": \"texte-libre-du-travailleur\"}");
        assertEquals(200, decided.statusCode(), decided.body());
        String referral = Dossiers.referral(uri("/"), diagnostic);
        assertEquals(200, Dossiers.status(uri("/"), referral, "{\"status\": \"ACCEPTED\"}").statusCode());
        HttpResponse<String> prepared = Http.postJson(uri("/api/v1/mandates"), "{\"diagnosticId\": \"" + diagnostic
                + "\", \"categories\": [\"SOCIAL\"], \"duration\": \"ONE_MONTH\"}", Map.of());
        assertEquals(201, prepared.statusCode(), prepared.body());
        String mandate = Http.json(prepared).getString("id");
        assertEquals(200, Http.postJson(uri("/api/v1/mandates/" + mandate + "/signature"), "{}", Map.of()).statusCode());
        assertEquals(200, Http.postJson(uri("/api/v1/mandates/" + mandate + "/revocation"), "{}", Map.of()).statusCode());

        List<JsonObject> before = all(key, "0", 500);
        assertEquals(List.of("fr.repere.diagnostic.completed.v1", "fr.repere.diagnostic.decided.v1",
                "fr.repere.referral.created.v1", "fr.repere.referral.status-changed.v1", "fr.repere.mandate.signed.v1",
                "fr.repere.mandate.revoked.v1"), types(before));
        for (JsonObject e : before) {
            assertEquals("1.0", e.getString("specversion"));
            assertEquals("/repere/organisations/" + org.id(), e.getString("source"));
            assertEquals(caseRef, e.getString("subject"));
            assertEquals("application/json", e.getString("datacontenttype"));
            assertEquals(org.team(), e.getJsonObject("data").getString("teamId"));
            String text = e.toString();
            for (String never : List.of("texte-libre-du-travailleur", "carte Vitale", "ORDINATEUR", "ACC_EQUIPEMENT",
                    "COMP_ARNAQUE", "Espace numérique", "SOCIAL")) {
                assertFalse(text.contains(never), never + " in " + text);
            }
        }
        assertEquals(diagnostic, before.get(0).getJsonObject("data").getString("diagnosticId"));
        assertEquals("/api/v1/host/diagnostics/" + diagnostic,
                before.get(0).getJsonObject("data").getJsonObject("links").getString("diagnostic"));
        assertEquals("TRAIN", before.get(1).getJsonObject("data").getString("orientation"));
        assertEquals(referral, before.get(3).getJsonObject("data").getString("referralId"));
        assertEquals("ACCEPTED", before.get(3).getJsonObject("data").getString("status"));
        assertEquals(mandate, before.get(5).getJsonObject("data").getString("mandateId"));
        assertEquals("REVOKED", before.get(5).getJsonObject("data").getString("status"));

        // the link reads the full record with the key; another team's key does not
        Http.asHost(key);
        HttpResponse<String> full = Http.get(uri("/api/v1/host/diagnostics/" + diagnostic));
        assertEquals(200, full.statusCode(), full.body());
        assertEquals(diagnostic, Http.json(full).getString("id"));
        Http.asHost(teamBKey);
        assertProblem(Http.get(uri("/api/v1/host/diagnostics/" + diagnostic)), 404);
        Http.asHost(HOST_KEY);
        assertProblem(Http.get(uri("/api/v1/host/diagnostics/" + diagnostic)), 404);

        // the referral's and the mandate's links too, for this organisation's key only
        String referralLink = before.get(3).getJsonObject("data").getJsonObject("links").getString("referral");
        String mandateLink = before.get(5).getJsonObject("data").getJsonObject("links").getString("mandate");
        assertEquals("/api/v1/host/referrals/" + referral, referralLink);
        assertEquals("/api/v1/host/mandates/" + mandate, mandateLink);
        Http.asHost(key);
        HttpResponse<String> fullReferral = Http.get(uri(referralLink));
        assertEquals(200, fullReferral.statusCode(), fullReferral.body());
        assertEquals("ACCEPTED", Http.json(fullReferral).getString("status"));
        HttpResponse<String> fullMandate = Http.get(uri(mandateLink));
        assertEquals(200, fullMandate.statusCode(), fullMandate.body());
        assertEquals(mandate, Http.json(fullMandate).getString("id"));
        assertEquals(2, count("SELECT COUNT(*) FROM journal_entry WHERE action IN ('REFERRAL_READ', 'MANDATE_READ') AND target IN (?, ?) "
                + "AND actor_role = 'HOST'", referral, mandate), "each read journaled");
        for (String notOurs : List.of(teamBKey, HOST_KEY)) {
            Http.asHost(notOurs);
            assertProblem(Http.get(uri(referralLink)), 404);
            assertProblem(Http.get(uri(mandateLink)), 404);
        }

        // erasure: one more event under the case reference; the earlier ones keep ids only
        Http.loginAs(uri("/"), org.worker().email());
        HttpResponse<String> erased = Http.postJson(uri("/api/v1/dossiers/erasure"),
                "{\"caseRef\": \"" + caseRef + "\", \"reason\": \"PERSON_REQUEST\"}", Map.of());
        assertEquals(200, erased.statusCode(), erased.body());
        List<JsonObject> after = all(key, "0", 500);
        assertEquals(7, after.size());
        assertEquals("fr.repere.dossier.erased.v1", after.get(6).getString("type"));
        assertEquals(caseRef, after.get(6).getString("subject"));
        for (int i = 0; i < 6; i++) {
            assertEquals(before.get(i).getString("id"), after.get(i).getString("id"), "same events, same order");
            assertFalse(after.get(i).containsKey("subject"), "the erased dossier's case reference is gone: " + after.get(i));
        }

        // paging: every event exactly once, in the same order
        List<JsonObject> paged = all(key, "0", 2);
        assertEquals(after.stream().map(e -> e.getString("id")).toList(), paged.stream().map(e -> e.getString("id")).toList());
        assertEquals(7, new HashSet<>(paged.stream().map(e -> e.getString("id")).toList()).size());

        // a key restricted to team B sees nothing of team A, then its own team's event
        assertEquals(List.of(), all(teamBKey, "0", 500));
        Http.loginAs(uri("/"), org.otherTeamWorker().email());
        String ofTeamB = takeDiagnostic(uri("/"), unique("EVT-B"));
        List<JsonObject> teamB = all(teamBKey, "0", 500);
        assertEquals(1, teamB.size());
        assertEquals(ofTeamB, teamB.get(0).getJsonObject("data").getString("diagnosticId"));

        // another organisation's key never sees ours
        Set<String> ours = new HashSet<>(after.stream().map(e -> e.getString("id")).toList());
        ours.add(teamB.get(0).getString("id"));
        for (String other : List.of(HOST_KEY, OTHER_HOST_KEY)) {
            all(other, "0", 500).forEach(e -> assertFalse(ours.contains(e.getString("id")), "another organisation's event"));
        }
    }

    @Test
    void anEventCommittedLateIsPublishedAfterTheCursorNeverSkipped() throws Exception {
        TestOrganisations.Organisation org = TestOrganisations.create("hostlate");
        String key = hostKey(org, null);
        String lateId = UUID.randomUUID().toString();
        try (Connection open = TestDatabase.connect()) {
            open.setAutoCommit(false);
            try (PreparedStatement s = open.prepareStatement("INSERT INTO host_event (event_id, organisation_id, team_id, type, "
                    + "subject, occurred_at, body) VALUES (?, ?, ?, 'fr.repere.diagnostic.completed.v1', 'LATE', UTC_TIMESTAMP(3), ?)")) {
                s.setString(1, lateId);
                s.setString(2, org.id());
                s.setString(3, org.team());
                s.setString(4, "{\"specversion\":\"1.0\",\"id\":\"" + lateId + "\",\"type\":\"fr.repere.diagnostic.completed.v1\"}");
                s.executeUpdate();
            }
            // inserted first (a smaller position), still open: a later change commits meanwhile
            Http.loginAs(uri("/"), org.worker().email());
            String diagnostic = takeDiagnostic(uri("/"), unique("EVT-L"));
            Page first = read(key, "0", 500);
            assertEquals(List.of(diagnostic), first.events().stream()
                    .map(e -> e.getJsonObject("data").getString("diagnosticId")).toList());
            assertEquals(List.of(), read(key, first.next(), 500).events(), "not yet committed: not published");

            open.commit();
            Page late = read(key, first.next(), 500);
            assertEquals(List.of(lateId), late.events().stream().map(e -> e.getString("id")).toList(),
                    "the late event comes after the cursor already given");
            assertEquals(List.of(), read(key, late.next(), 500).events(), "and once");
        }
        assertEquals(2, all(key, "0", 500).size());
    }

    @Test
    void aChangeRolledBackPublishesNothing() throws Exception {
        TestOrganisations.Organisation org = TestOrganisations.create("hostroll");
        String key = hostKey(org, null);
        Http.loginAs(uri("/"), org.worker().email());
        String caseRef = unique("EVT-R");
        String diagnostic = takeDiagnostic(uri("/"), caseRef);
        String trigger = "it_host_event_rollback";
        executeAsOwner("CREATE OR REPLACE TRIGGER " + trigger + " BEFORE UPDATE ON diagnostic FOR EACH ROW "
                + "BEGIN IF NEW.id = '" + diagnostic + "' THEN "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'; END IF; END");
        try {
            HttpResponse<String> decided = Dossiers.decide(uri("/"), diagnostic, "{\"orientation\": \"AUTONOMOUS\"}");
            assertTrue(decided.statusCode() == 409 || decided.statusCode() >= 500,
                    "the change fails in the database, after its event was recorded: " + decided.statusCode() + " " + decided.body());
        } finally {
            executeAsOwner("DROP TRIGGER IF EXISTS " + trigger);
        }
        assertEquals(List.of("fr.repere.diagnostic.completed.v1"), types(all(key, "0", 500)));
        assertEquals(0, count("SELECT COUNT(*) FROM host_event WHERE body LIKE ? AND type = 'fr.repere.diagnostic.decided.v1'",
                "%" + diagnostic + "%"));
    }

    @Test
    void aBadCursorOrLimitIsRefusedInFrenchAndAMissingKeyIsUnauthenticated() {
        TestOrganisations.Organisation org = TestOrganisations.create("hostbad");
        String key = hostKey(org, null);
        Http.asHost(key);
        for (String query : List.of("after=-1", "after=abc", "after=1.5", "limit=0", "limit=501", "limit=dix")) {
            JsonObject p = assertProblem(Http.get(uri("/api/v1/host/events?" + query)), 400);
            assertTrue(p.getString("detail").startsWith("Curseur invalide") || p.getString("detail").startsWith("Limite invalide"),
                    p.toString());
        }
        assertEquals(200, Http.get(uri("/api/v1/host/events")).statusCode(), "no cursor: from the start");
        Http.anonymous();
        assertEquals(401, Http.get(uri("/api/v1/host/events?after=0")).statusCode());
        Http.asHost("rpk_00000000-0000-0000-0000-000000000000_inconnue");
        assertEquals(401, Http.get(uri("/api/v1/host/events?after=0")).statusCode());
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
