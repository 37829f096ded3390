package fr.repere.web.api.referral;

import fr.repere.web.schedule.ClusterJobs;

import fr.repere.referral.ReferralId;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every hour, on the container's managed scheduler: reminds the workers of referrals unanswered
 * for 10 days, and expires those unanswered for 30 days (Dora's delays). Time comes from the
 * injected {@link Clock}; both jobs take the instant to run "as of", so tests drive them with
 * back-dated referrals. Once per cluster and hour ({@link ClusterJobs}); idempotent all the same
 * (each referral is checked again in its own transaction). A failure is logged and retried the next hour.
 */
@ApplicationScoped
public class ReferralJobs {

    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(ReferralJobs.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private ReferralWork work;

    @Inject
    private Clock clock;

    @Inject
    private ClusterJobs cluster;

    /** The job's name in the cluster's leases, and how often it runs. */
    static final String JOB = "referral-delays";
    static final Duration PERIOD = Duration.ofHours(1);

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        scheduler.scheduleWithFixedDelay(() -> cluster.runOnce(JOB, PERIOD, () -> runAsOf(clock.instant())),
                5, PERIOD.toMinutes(), TimeUnit.MINUTES);
    }

    /**
     * Expiries then reminders as of {@code now} (expiring first, so that a referral past both delays
     * is expired, not reminded); returns {reminded, expired}. Never throws.
     */
    public int[] runAsOf(Instant now) {
        int expired = run("expired", now, work::dueForExpiry, work::expire);
        int reminded = run("reminded", now, work::dueForReminder, work::remind);
        return new int[] {reminded, expired};
    }

    private int run(String what, Instant now, Due due, BiPredicate<ReferralId, Instant> act) {
        int count = 0;
        try {
            while (true) {
                List<ReferralId> batch = due.find(now, BATCH);
                int done = 0;
                for (ReferralId id : batch) {
                    try {
                        done += act.test(id, now) ? 1 : 0;
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Referrals: one could not be " + what + ", retried next run: {0}", e.toString());
                    }
                }
                count += done;
                if (batch.size() < BATCH || done == 0) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Referrals: job stopped, retried next run: {0}", e.toString());
        }
        if (count > 0) {
            int n = count;
            LOG.info(() -> "Referrals: " + n + " " + what);
        }
        return count;
    }

    @FunctionalInterface
    private interface Due {
        List<ReferralId> find(Instant now, int limit);
    }
}
