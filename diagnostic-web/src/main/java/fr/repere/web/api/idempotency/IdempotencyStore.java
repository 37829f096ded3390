package fr.repere.web.api.idempotency;

import fr.repere.idempotency.IdempotencyEntry;
import fr.repere.idempotency.IdempotencyLedger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Transaction boundaries of the Idempotency-Keys ({@link IdempotencyLedger}, in the core). A key is
 * claimed in its own short transaction, so a concurrent request with the same key sees it at once
 * (and gets 409) instead of waiting.
 */
@ApplicationScoped
public class IdempotencyStore {

    enum State { IN_PROGRESS, COMPLETED }

    record Entry(String fingerprint, State state, StoredResponse response) {
    }

    @Inject
    private IdempotencyLedger ledger;

    /** Claims the key; returns empty if this request now owns it, or the existing entry. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Entry> claim(String key, String fingerprint) {
        return ledger.claim(key, fingerprint).map(IdempotencyStore::entry);
    }

    /** Runs the action and records its response in one transaction: both commit or neither. */
    @Transactional
    public StoredResponse runInTransaction(String key, Supplier<StoredResponse> action) {
        StoredResponse response = action.get();
        ledger.complete(key, new IdempotencyEntry.Answer(response.status(), response.location(), response.body()));
        return response;
    }

    /**
     * Forgets the keys older than {@code before}: their stored responses hold personal data, and a
     * client retries within minutes, not days.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeBefore(Instant before) {
        return ledger.purgeBefore(before);
    }

    /** Frees a key whose request failed, so that the client can try again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String key) {
        ledger.release(key);
    }

    private static Entry entry(IdempotencyEntry e) {
        IdempotencyEntry.Answer a = e.answer();
        return new Entry(e.fingerprint(), State.valueOf(e.state().name()),
                a == null ? null : new StoredResponse(a.status(), a.location(), a.body()));
    }
}
