package fr.repere.idempotency;

import java.time.Instant;
import java.util.Optional;

/** Where Idempotency-Keys are kept (shared by every node), each with its request's fingerprint and answer. */
public interface IdempotencyKeys {

    /** Records the key as in progress, unless it is already there; true if this call recorded it. */
    boolean insert(String key, String fingerprint);

    Optional<IdempotencyEntry> find(String key);

    /** Records the answer of the key's request: the key is completed. */
    void complete(String key, IdempotencyEntry.Answer answer);

    /** Removes the keys recorded before {@code before}; returns how many. */
    int purgeBefore(Instant before);
}
