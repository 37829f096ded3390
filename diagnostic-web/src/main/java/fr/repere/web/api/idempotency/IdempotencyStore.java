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
 * Transaction boundary of the Idempotency-Keys ({@link IdempotencyLedger}, in the core). The key is
 * claimed, the request run and its answer recorded in one transaction, the request's own: one
 * commit per request. A duplicate sent while the first runs waits on the claim's row lock (at most
 * the session's lock wait, then 503), and then replays the first answer; if the first failed, its
 * claim was rolled back with it and the duplicate runs instead. (Until issue 18 the claim had a
 * transaction of its own, so that the duplicate got 409 at once: one more commit per request for
 * a case that a client retrying after a timeout hardly ever meets.)
 */
@ApplicationScoped
public class IdempotencyStore {

    enum State { IN_PROGRESS, COMPLETED }

    record Entry(String fingerprint, State state, StoredResponse response) {
    }

    /** Either the answer this request produced, or the entry of the request that held the key first. */
    record Outcome(StoredResponse produced, Entry earlier) {
    }

    @Inject
    private IdempotencyLedger ledger;

    /** Claims the key and, if this request now owns it, runs the action and records its answer. */
    @Transactional
    public Outcome claimAndRun(String key, String fingerprint, Supplier<StoredResponse> action) {
        Optional<IdempotencyEntry> earlier = ledger.claim(key, fingerprint);
        if (earlier.isPresent()) {
            return new Outcome(null, entry(earlier.get()));
        }
        StoredResponse response = action.get();
        ledger.complete(key, new IdempotencyEntry.Answer(response.status(), response.location(), response.body()));
        return new Outcome(response, null);
    }

    /**
     * Forgets the keys older than {@code before}: their stored responses hold personal data, and a
     * client retries within minutes, not days.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeBefore(Instant before) {
        return ledger.purgeBefore(before);
    }

    private static Entry entry(IdempotencyEntry e) {
        IdempotencyEntry.Answer a = e.answer();
        return new Entry(e.fingerprint(), State.valueOf(e.state().name()),
                a == null ? null : new StoredResponse(a.status(), a.location(), a.body()));
    }
}
