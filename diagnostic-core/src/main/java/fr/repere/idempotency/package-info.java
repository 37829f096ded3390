/** Idempotency-Keys: a creating request runs at most once per key, and its replays get its answer. */
package fr.repere.idempotency;
