package fr.repere.idempotency;

import fr.repere.idempotency.IdempotencyEntry.Answer;
import fr.repere.idempotency.IdempotencyEntry.State;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdempotencyLedgerTest {

    /** The table, with a hook to lose a key between the insert and the read (another request released it). */
    private static final class InMemoryKeys implements IdempotencyKeys {
        final Map<String, IdempotencyEntry> entries = new HashMap<>();
        final Map<String, Instant> created = new HashMap<>();
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        boolean loseNextRead;

        @Override
        public boolean insert(String key, String fingerprint) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, new IdempotencyEntry(fingerprint, State.IN_PROGRESS, null));
            created.put(key, now);
            return true;
        }

        @Override
        public Optional<IdempotencyEntry> find(String key) {
            if (loseNextRead) {
                loseNextRead = false;
                return Optional.empty();
            }
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void complete(String key, Answer answer) {
            entries.computeIfPresent(key, (k, e) -> new IdempotencyEntry(e.fingerprint(), State.COMPLETED, answer));
        }

        @Override
        public int purgeBefore(Instant before) {
            var old = created.entrySet().stream().filter(e -> e.getValue().isBefore(before)).map(Map.Entry::getKey).toList();
            old.forEach(k -> {
                entries.remove(k);
                created.remove(k);
            });
            return old.size();
        }
    }

    private final InMemoryKeys keys = new InMemoryKeys();
    private final IdempotencyLedger ledger = new IdempotencyLedger(keys);

    @Test
    void theFirstClaimOwnsTheKeyAndTheNextOnesFindIt() {
        assertEquals(Optional.empty(), ledger.claim("k", "fp-1"));
        assertEquals(Optional.of(new IdempotencyEntry("fp-1", State.IN_PROGRESS, null)), ledger.claim("k", "fp-2"));
        Answer answer = new Answer(201, "/api/v1/x/1", "{\"id\":1}");
        ledger.complete("k", answer);
        assertEquals(Optional.of(new IdempotencyEntry("fp-1", State.COMPLETED, answer)), ledger.claim("k", "fp-1"));
    }

    @Test
    void aKeyReleasedBetweenTheInsertAndTheReadIsSeenInProgressWithTheCallersFingerprint() {
        ledger.claim("k", "fp-1");
        keys.loseNextRead = true;
        assertEquals(Optional.of(new IdempotencyEntry("fp-2", State.IN_PROGRESS, null)), ledger.claim("k", "fp-2"));
    }

    @Test
    void oldKeysAreForgotten() {
        ledger.claim("old", "fp");
        keys.now = Instant.parse("2026-03-03T10:00:00Z");
        ledger.claim("new", "fp");
        assertEquals(1, ledger.purgeBefore(Instant.parse("2026-03-03T09:00:00Z")));
        assertEquals(Optional.empty(), ledger.claim("old", "fp"));
        assertEquals(Optional.of(new IdempotencyEntry("fp", State.IN_PROGRESS, null)), ledger.claim("new", "fp"));
    }
}
