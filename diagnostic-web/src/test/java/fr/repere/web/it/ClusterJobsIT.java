package fr.repere.web.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.repere.web.it.Dossiers.execute;
import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduled work runs once per cluster: a probe job woken up through {@link ClusterJobTrigger} as a
 * node's scheduler would, against the leases in MariaDB. Another node is played by the test: a lease
 * it plants in {@code scheduled_job}, or many wake-ups at once on separate connections. Each test
 * uses job names of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClusterJobsIT {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar().addClass(ClusterJobTrigger.class);
    }

    @Test
    void aJobLeasedByAnotherNodeDoesNotRunHereUntilTheLeaseExpires() throws Exception {
        String job = unique("probe");
        execute("INSERT INTO scheduled_job (name, holder, leased_until, started_at) "
                + "VALUES (?, 'autre-noeud/4242/abcd', UTC_TIMESTAMP(6) + INTERVAL 1 HOUR, UTC_TIMESTAMP(6))", job);

        JsonObject held = wake(job, 60, false);
        assertFalse(held.getBoolean("ran"), held.toString());
        assertEquals(0, held.getInt("runs"));
        assertEquals("autre-noeud/4242/abcd", lease(job).holder());

        // the other node died holding it: once its lease is over, this node takes the job
        execute("UPDATE scheduled_job SET leased_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE name = ?", job);
        JsonObject taken = wake(job, 60, false);
        assertTrue(taken.getBoolean("ran"), taken.toString());
        assertEquals(1, taken.getInt("runs"));
        Lease after = lease(job);
        assertFalse(after.holder().startsWith("autre-noeud"), after.toString());
        assertEquals("OK", after.outcome());
        assertNotNull(after.durationMs());
        // held for nine tenths of the period from its start: 54 s of 60
        assertEquals(54_000_000L, after.heldMicros(), 1_000_000L);

        // woken again within the period (here, or on any node): nothing runs
        JsonObject again = wake(job, 60, false);
        assertFalse(again.getBoolean("ran"), again.toString());
        assertEquals(1, again.getInt("runs"));
    }

    @Test
    void manyWakeUpsAtOnceRunTheJobOnce() throws Exception {
        String job = unique("probe");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonObject>> wakeUps = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<JsonObject> w = () -> wake(job, 600, false);
                wakeUps.add(pool.submit(w));
            }
            int ran = 0;
            for (Future<JsonObject> w : wakeUps) {
                ran += w.get().getBoolean("ran") ? 1 : 0;
            }
            assertEquals(1, ran, "exactly one of eight simultaneous wake-ups runs the job");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, wake(job, 600, false).getInt("runs"));
    }

    @Test
    void aFailingJobIsRecordedAndKeepsItsLeaseForThePeriod() throws Exception {
        String job = unique("probe");
        JsonObject failed = wake(job, 60, true);
        assertTrue(failed.getBoolean("ran"), failed.toString());
        Lease lease = lease(job);
        assertEquals("FAILED", lease.outcome());
        assertNotNull(lease.durationMs());
        JsonObject next = wake(job, 60, true);
        assertFalse(next.getBoolean("ran"), "retried next period, not at once: " + next);

        // a run that ends is recorded on its own lease only: a later run's claim resets the outcome
        execute("UPDATE scheduled_job SET leased_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE name = ?", job);
        assertTrue(wake(job, 60, false).getBoolean("ran"));
        assertEquals("OK", lease(job).outcome());
        assertNull(lease(unique("never-ran")));
    }

    private JsonObject wake(String job, int periodSeconds, boolean fail) {
        return wake(uri("/"), job, periodSeconds, fail);
    }

    /** Wakes the probe job up as a node's scheduler would (through {@link ClusterJobTrigger}, which the deployment must have). */
    static JsonObject wake(URI base, String job, int periodSeconds, boolean fail) {
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(base.resolve("/it/cluster-job?name=" + job + "&periodSeconds="
                + periodSeconds + "&fail=" + fail)).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    record Lease(String holder, String outcome, Long durationMs, long heldMicros) {
    }

    private static Lease lease(String job) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT holder, outcome, duration_ms, "
                     + "TIMESTAMPDIFF(MICROSECOND, started_at, leased_until) FROM scheduled_job WHERE name = ?")) {
            s.setString(1, job);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                long duration = r.getLong(3);
                return new Lease(r.getString(1), r.getString(2), r.wasNull() ? null : duration, r.getLong(4));
            }
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
