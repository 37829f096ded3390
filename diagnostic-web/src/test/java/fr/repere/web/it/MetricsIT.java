package fr.repere.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import static fr.repere.web.it.Dossiers.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What operators scrape: Payara's {@code /metrics} (Prometheus text) carries Repère's own series —
 * requests per endpoint and status class, and the scheduled jobs' last runs as the cluster's leases
 * record them (a probe job woken up through {@link ClusterJobTrigger}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    /** This class's own organisation (TestOrganisations). */
    private static final TestOrganisations.Organisation ORG = TestOrganisations.create("metrics");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar().addClass(ClusterJobTrigger.class);
    }

    @Test
    void requestsAreCountedPerEndpointAndStatusClassWithoutIdentifiers() {
        Http.loginAs(uri("/"), ORG.worker().email());
        double before = requests("GET", "/api/v1/questionnaires/{version}", "2xx").orElse(0.0);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.get(uri("/api/v1/questionnaires/1.0")).statusCode());
        }
        assertEquals(404, Http.get(uri("/api/v1/questionnaires/9.9")).statusCode());
        assertEquals(before + 3, requests("GET", "/api/v1/questionnaires/{version}", "2xx").orElseThrow(), 0.0);
        assertTrue(requests("GET", "/api/v1/questionnaires/{version}", "4xx").orElseThrow() >= 1);
        String text = metrics();
        assertTrue(text.lines().noneMatch(l -> l.startsWith("repere_requests") && l.contains("9.9")),
                "an identifier in a label: one series per dossier");
        assertTrue(text.contains("memory_usedHeap_bytes"), "Payara's own series are there too");
    }

    @Test
    void aJobsLastRunIsInTheMetrics() throws Exception {
        String job = unique("probe");
        assertTrue(ClusterJobsIT.wake(uri("/"), job, 60, false).getBoolean("ran"));
        long deadline = System.nanoTime() + 15_000_000_000L;
        Optional<Double> success = Optional.empty();
        while (System.nanoTime() < deadline) {
            success = value("repere_job_last_success", List.of("job=\"" + job + "\""));
            if (success.isPresent() && success.get() == 1.0) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(Optional.of(1.0), success, "the job's last run, read from the leases");
        double started = value("repere_job_last_start_seconds", List.of("job=\"" + job + "\"")).orElseThrow();
        assertEquals(System.currentTimeMillis() / 1000.0, started, 60.0);
        assertTrue(value("repere_job_last_duration_seconds", List.of("job=\"" + job + "\"")).orElseThrow() >= 0);
    }

    private Optional<Double> requests(String method, String endpoint, String status) {
        return value("repere_requests_seconds_count", List.of("method=\"" + method + "\"", "endpoint=\"" + endpoint + "\"",
                "status=\"" + status + "\""));
    }

    /** The value of the series named {@code name} whose labels include all of {@code labels}. */
    private Optional<Double> value(String name, List<String> labels) {
        return metrics().lines()
                .filter(l -> l.startsWith(name + "{") && labels.stream().allMatch(l::contains))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    private String metrics() {
        HttpResponse<String> r = Http.get(uri("/metrics"));
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
