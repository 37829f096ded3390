/**
 * The host events pushed to the endpoints an organisation's administrators register
 * ({@link fr.repere.webhook.WebhookAdministration}), signed as Standard Webhooks
 * ({@link fr.repere.webhook.WebhookSignature}) and retried on the one
 * {@link fr.repere.webhook.WebhookSchedule} by the {@link fr.repere.webhook.WebhookDispatch}.
 */
package fr.repere.webhook;
