package fr.repere.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Claims of Idempotency-Keys: a request claims its key before it runs; a later request with the
 * same key finds the first one's entry (completed with its answer). Transactions are the caller's:
 * the claim, the work and the answer are one transaction, so a failed request leaves no claim, and
 * a concurrent duplicate waits on the claim's row lock, then finds the answer (or the key free).
 */
@ApplicationScoped
public class IdempotencyLedger {

    private IdempotencyKeys keys;

    /** For CDI's proxy. */
    protected IdempotencyLedger() {
    }

    @Inject
    public IdempotencyLedger(IdempotencyKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Claims the key; empty if this request now owns it, or else the entry of the one that does. */
    public Optional<IdempotencyEntry> claim(String key, String fingerprint) {
        if (keys.insert(key, fingerprint)) {
            return Optional.empty();
        }
        // released between our insert and this read: seen as in progress, the client retries
        return Optional.of(keys.find(key).orElseGet(() -> new IdempotencyEntry(fingerprint, IdempotencyEntry.State.IN_PROGRESS, null)));
    }

    /** Records the answer, in the transaction that produced it: both are kept or neither. */
    public void complete(String key, IdempotencyEntry.Answer answer) {
        keys.complete(key, answer);
    }

    /** Forgets the keys claimed before {@code before}: their answers hold personal data. */
    public int purgeBefore(Instant before) {
        return keys.purgeBefore(before);
    }
}
