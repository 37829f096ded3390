package fr.repere.web.api.host;

import fr.repere.hostevent.HostEventSequencer;
import fr.repere.webhook.WebhookSender;
import fr.repere.webhook.WebhookStore;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every two seconds, on the container's managed scheduler: numbers the committed host events,
 * plans their deliveries to the webhook endpoints, then sends the due ones, a batch at a time.
 * Safe on several nodes: planning locks each endpoint and claiming skips the deliveries another
 * node holds. A failure is logged (never a secret nor a body) and retried.
 */
@ApplicationScoped
public class WebhookJobs {

    static final long PERIOD_SECONDS = 2;
    static final int BATCH = 50;
    /** At most this many batches a run, so that one run ends even when an endpoint is slow. */
    static final int BATCHES = 20;
    private static final Logger LOG = Logger.getLogger(WebhookJobs.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private HostEventWork events;

    @Inject
    private WebhookWork work;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        scheduler.scheduleWithFixedDelay(this::run, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    private void run() {
        try {
            while (events.sequence() == HostEventSequencer.BATCH) {
                // another batch
            }
            work.plan();
            for (int b = 0; b < BATCHES; b++) {
                List<WebhookStore.Claimed> claimed = work.claim(BATCH);
                for (WebhookStore.Claimed delivery : claimed) {
                    WebhookSender.Answer answer = work.send(delivery);
                    work.record(delivery, answer);
                }
                if (claimed.size() < BATCH) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhooks: dispatch failed, retried: {0}", e.getClass().getName());
        }
    }
}
