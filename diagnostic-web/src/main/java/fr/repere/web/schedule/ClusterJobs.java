package fr.repere.web.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scheduled work once per cluster. Every node schedules every job; when a node's scheduler wakes
 * up, the job runs only if this node claims its lease ({@code scheduled_job}, on the database's
 * clock) for nine tenths of the job's period — so one node per period runs it, and when the node
 * that ran it dies, another takes it at its next wake-up after the lease. The jobs stay idempotent
 * all the same (a run cut short is finished by the next one).
 *
 * <p>Jobs that share out rows with {@code SKIP LOCKED} claims (webhook deliveries, the host event
 * feed) run on every node on purpose and do not go through here.
 */
@ApplicationScoped
public class ClusterJobs {

    /** This node, as the leases name it: host and process. */
    static final String NODE = host() + "/" + ProcessHandle.current().pid();

    private static final Logger LOG = Logger.getLogger(ClusterJobs.class.getName());

    @Inject
    private JobLeaseTransactions leases;

    @Inject
    private JobMetrics metrics;

    /**
     * Runs {@code work} if this node claims {@code job} for this period; true if it ran (even if it
     * failed: a failure is logged, recorded on the lease, and never thrown to the scheduler, whose
     * task would otherwise stop for good).
     */
    public boolean runOnce(String job, Duration period, Runnable work) {
        metrics.watch(job);
        String run = NODE + "/" + UUID.randomUUID().toString().substring(0, 8);
        boolean claimed;
        try {
            claimed = leases.claim(job, run, period.multipliedBy(9).dividedBy(10));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Job {0}: lease not claimed (database unavailable?), tried again next time: {1}",
                    new Object[] {job, e.toString()});
            return false;
        }
        if (!claimed) {
            return false;
        }
        long start = System.nanoTime();
        boolean succeeded = false;
        try {
            work.run();
            succeeded = true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Job " + job + " failed, tried again next period", e);
        } finally {
            try {
                leases.finished(job, run, Duration.ofNanos(System.nanoTime() - start), succeeded);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Job {0}: its end could not be recorded: {1}", new Object[] {job, e.toString()});
            }
        }
        return true;
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }
}
