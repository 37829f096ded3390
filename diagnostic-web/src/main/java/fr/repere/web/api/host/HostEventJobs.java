package fr.repere.web.api.host;

import fr.repere.hostevent.HostEventSequencer;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds, on the container's managed scheduler: numbers the host events committed
 * since, so that they are ready for the feed (which also numbers before each read). Safe on
 * several nodes: the sequencer's lock serializes them. A failure is logged and retried.
 */
@ApplicationScoped
public class HostEventJobs {

    static final long PERIOD_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(HostEventJobs.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private HostEventWork work;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        scheduler.scheduleWithFixedDelay(this::run, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void run() {
        try {
            while (work.sequence() == HostEventSequencer.BATCH) {
                // another batch
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Host events: numbering failed, retried: {0}", e.toString());
        }
    }
}
