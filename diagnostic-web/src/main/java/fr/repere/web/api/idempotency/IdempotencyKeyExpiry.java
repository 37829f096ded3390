package fr.repere.web.api.idempotency;

import fr.repere.web.schedule.ClusterJobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every hour, on one node of the cluster ({@link ClusterJobs}), forgets the Idempotency-Keys older than 24 hours (and the responses stored with them). */
@ApplicationScoped
public class IdempotencyKeyExpiry {

    static final Duration KEPT = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(IdempotencyKeyExpiry.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private IdempotencyStore store;

    @Inject
    private Clock clock;

    @Inject
    private ClusterJobs cluster;

    /** The job's name in the cluster's leases, and how often it runs. */
    static final String JOB = "idempotency-key-expiry";
    static final Duration PERIOD = Duration.ofHours(1);

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        scheduler.scheduleWithFixedDelay(() -> cluster.runOnce(JOB, PERIOD, this::purge), 1, PERIOD.toMinutes(), TimeUnit.MINUTES);
    }

    void purge() {
        try {
            int purged = store.purgeBefore(clock.instant().minus(KEPT));
            if (purged > 0) {
                LOG.info(() -> purged + " expired Idempotency-Key(s) forgotten");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Idempotency-Key expiry failed, will retry: {0}", e.getMessage());
        }
    }
}
