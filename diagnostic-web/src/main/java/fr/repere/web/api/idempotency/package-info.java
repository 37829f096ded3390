/**
 * Idempotency-Key (IETF httpapi draft): a retried POST replays the first response instead of
 * creating twice — tablets on bad connections retry.
 */
package fr.repere.web.api.idempotency;
