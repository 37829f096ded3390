package fr.repere.web.platform;

import fr.repere.webhook.WebhookSender;
import fr.repere.webhook.WebhookUrls;
import fr.repere.webhook.WebhookSettings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.inject.Inject;

/**
 * The webhooks' settings and sender behind the core's ports. {@code repere.webhook.allow-http-loopback}
 * ({@code REPERE_WEBHOOK_ALLOW_HTTP_LOOPBACK}) accepts {@code http://127.0.0.1} endpoints, for the
 * integration tests and the embedded run only; {@code repere.webhook.retry-scale} shortens the
 * retry delays, for the tests only.
 */
@ApplicationScoped
public class WebhookWiring {

    @Inject
    @ConfigProperty(name = "repere.webhook.allow-http-loopback", defaultValue = "false")
    boolean allowHttpLoopback;

    @Inject
    @ConfigProperty(name = "repere.webhook.retry-scale", defaultValue = "1")
    double retryScale;

    @Produces
    @Singleton
    WebhookSettings settings() {
        return new WebhookSettings(allowHttpLoopback, retryScale);
    }

    @Produces
    @Singleton
    WebhookSender sender() {
        return new HttpWebhookSender(WebhookSender.TIMEOUT, allowHttpLoopback, WebhookUrls.DNS);
    }
}
