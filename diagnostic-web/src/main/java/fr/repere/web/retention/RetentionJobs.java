package fr.repere.web.retention;

import fr.repere.web.schedule.ClusterJobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the retention jobs every night at 02:30 (Paris time), on the container's managed scheduler
 * (the same one as the Idempotency-Key expiry). Both jobs work in bounded batches, each in its own
 * transaction, and are idempotent: running them twice does no more; one node of the cluster runs
 * them each night ({@link ClusterJobs}).
 * A failure is logged and retried the next night; it never reaches the application.
 *
 * <p>The periods are checked when the application starts: an absurd value stops the deployment.
 */
@ApplicationScoped
public class RetentionJobs {

    static final int BATCH = 500;
    private static final LocalTime RUN_AT = LocalTime.of(2, 30);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Logger LOG = Logger.getLogger(RetentionJobs.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private RetentionWork work;

    @Inject
    private RetentionSettings settings;

    @Inject
    private Clock clock;

    @Inject
    private ClusterJobs cluster;

    /** The job's name in the cluster's leases. */
    static final String JOB = "retention";

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        settings.dossiers();
        settings.journal();
        long delay = Duration.between(clock.instant(), nextRun(clock.instant())).toMinutes();
        scheduler.scheduleAtFixedRate(() -> cluster.runOnce(JOB, Duration.ofDays(1), this::runNow), delay,
                TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
        LOG.info(() -> "Retention: dossiers anonymized after " + settings.dossiers().months()
                + " months without activity, journal kept " + settings.journal().months() + " months; next run in "
                + delay + " min");
    }

    static Instant nextRun(Instant now) {
        ZonedDateTime today = now.atZone(PARIS).with(RUN_AT);
        return (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    void runNow() {
        Instant now = clock.instant();
        anonymizeDossiers(now);
        purgeJournal(now);
        purgeLoginCounters(now);
        purgeHostEvents(now);
    }

    /** Deletes the host events past their retention (30 days) as of {@code now}, with their deliveries; returns how many. Never throws. */
    public int purgeHostEvents(Instant now) {
        int purged = 0;
        try {
            int batch;
            do {
                batch = work.purgeHostEvents(now, BATCH);
                purged += batch;
            } while (batch == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention: host events purge stopped, retried next run: {0}", e.toString());
        }
        report("host event(s) purged with their webhook deliveries", purged, 0);
        return purged;
    }

    /**
     * Anonymizes every dossier due as of {@code now}, then every diagnostic and interview saved
     * without a case reference; returns how many. Never throws.
     */
    public int anonymizeDossiers(Instant now) {
        return inBatches("dossier(s) anonymized", limit -> work.dueDossiers(now, limit), ref -> work.anonymize(ref, now))
                + inBatches("record(s) without case reference anonymized or deleted", limit -> work.dueWithoutCase(now, limit),
                        id -> work.anonymizeWithoutCase(id, now));
    }

    /** Works through what is due, a batch at a time, each item in its own transaction; never throws. */
    private static <T> int inBatches(String what, IntFunction<List<T>> due, Predicate<T> anonymize) {
        int anonymized = 0;
        int failed = 0;
        try {
            while (true) {
                List<T> batch = due.apply(BATCH);
                int done = 0;
                for (T item : batch) {
                    try {
                        done += anonymize.test(item) ? 1 : 0;
                    } catch (RuntimeException e) {
                        failed++;
                        LOG.log(Level.WARNING, "Retention: one item could not be anonymized, retried next run: {0}",
                                e.toString());
                    }
                }
                anonymized += done;
                if (batch.size() < BATCH || done == 0) { // done == 0: only failures left, stop for tonight
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention: anonymization stopped, retried next run: {0}", e.toString());
        }
        report(what, anonymized, failed);
        return anonymized;
    }

    /** Deletes the journal entries past the period as of {@code now}; returns how many. Never throws. */
    public int purgeJournal(Instant now) {
        int purged = 0;
        try {
            int batch;
            do {
                batch = work.purgeJournal(now, BATCH);
                purged += batch;
            } while (batch == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention: journal purge stopped, retried next run: {0}", e.toString());
        }
        report("journal entr(y/ies) purged", purged, 0);
        return purged;
    }

    /**
     * Deletes the refusal counts past the journal's period, the idle login throttle keys and the used
     * launch token ids of expired tokens, as of
     * {@code now}; returns how many rows. Never throws.
     */
    public int purgeLoginCounters(Instant now) {
        int purged = 0;
        try {
            int batch;
            do {
                batch = work.purgeRefusalCounts(now, BATCH);
                purged += batch;
            } while (batch == BATCH);
            do {
                batch = work.purgeIdleLoginThrottles(now, BATCH);
                purged += batch;
            } while (batch == BATCH);
            purged += work.forgetExpiredLaunchTokens(now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention: refusal counts purge stopped, retried next run: {0}", e.toString());
        }
        report("refusal count(s), idle login throttle key(s) and expired launch token id(s) purged", purged, 0);
        return purged;
    }

    private static void report(String what, int count, int failed) {
        if (count > 0 || failed > 0) {
            LOG.info(() -> "Retention: " + count + " " + what + (failed > 0 ? ", " + failed + " failed" : ""));
        }
    }
}
