package fr.repere.webhook;

/**
 * The installation's webhook settings.
 *
 * @param allowHttpLoopback tests and the embedded run only: {@code http://127.0.0.1} (and loopback
 *                          addresses) are accepted as endpoints
 * @param retryScale        tests only: the retry delays multiplied by this (1 in production)
 */
public record WebhookSettings(boolean allowHttpLoopback, double retryScale) {

    public static final WebhookSettings PRODUCTION = new WebhookSettings(false, 1);
}
