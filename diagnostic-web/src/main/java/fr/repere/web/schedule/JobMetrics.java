package fr.repere.web.schedule;

import fr.repere.schedule.JobLeases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each scheduled job's last run in the metrics ({@code /metrics}, Prometheus text), as the cluster's
 * leases record it — so every node tells the same, whichever ran the job: when it last started, how
 * long it took, whether it succeeded. The table is read at most every {@link #FRESH} per node,
 * whatever the number of jobs and scrapes.
 */
@ApplicationScoped
public class JobMetrics {

    static final Duration FRESH = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(JobMetrics.class.getName());

    @Inject
    private MetricRegistry registry;

    @Inject
    private JobLeaseTransactions leases;

    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.MIN);

    private record Snapshot(Map<String, JobLeases.LastRun> runs, Instant readAt) {
    }

    /** At start-up, the jobs the cluster already ran: their gauges before this node first wakes them up. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        runs().keySet().forEach(this::watch);
    }

    /** Publishes the job's gauges (once per job and node). */
    void watch(String job) {
        if (!watched.add(job)) {
            return;
        }
        Tag tag = new Tag("job", job);
        gauge("repere_job_last_start_seconds", "Début de la dernière exécution (secondes depuis 1970, UTC)", job, tag,
                r -> r.startedAt().getEpochSecond());
        gauge("repere_job_last_duration_seconds", "Durée de la dernière exécution terminée", job, tag,
                r -> r.durationMillis() == null ? Double.NaN : r.durationMillis() / 1000.0);
        gauge("repere_job_last_success", "1 si la dernière exécution a réussi, 0 si elle a échoué ou ne s'est pas terminée", job, tag,
                r -> Boolean.TRUE.equals(r.succeeded()) ? 1 : 0);
    }

    private void gauge(String name, String description, String job, Tag tag, Function<JobLeases.LastRun, Number> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                () -> {
                    JobLeases.LastRun run = runs().get(job);
                    return run == null ? Double.NaN : value.apply(run).doubleValue();
                }, tag);
    }

    private Map<String, JobLeases.LastRun> runs() {
        Snapshot s = snapshot;
        Instant now = Instant.now();
        if (s.readAt().plus(FRESH).isBefore(now)) {
            try {
                s = new Snapshot(leases.lastRuns(), now);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Job metrics: leases unreadable, last values kept", e);
                s = new Snapshot(s.runs(), now);
            }
            snapshot = s;
        }
        return s.runs();
    }
}
