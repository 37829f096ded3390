package fr.repere.identity;

import fr.repere.journal.DossierPseudonym;
import fr.repere.journal.Journal;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.journal.RefusalCounts;
import fr.repere.journal.RefusalKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login's protections over in-memory ports: what is counted, slowed down and journaled. */
class BuiltInLoginTest {

    private static final char[] RIGHT = "mot-de-passe-juste".toCharArray();
    private static final char[] WRONG = "mot-de-passe-faux".toCharArray();
    private static final String ADDRESS = "203.0.113.7";

    private static final class InMemoryAttempts implements LoginAttempts {
        final Map<String, Attempts> byKey = new HashMap<>();
        final Map<String, String> scopes = new HashMap<>();

        @Override
        public Attempts of(String key) {
            return byKey.getOrDefault(key, Attempts.NONE);
        }

        @Override
        public Attempts change(String key, String scope, UnaryOperator<Attempts> change) {
            scopes.put(key, scope);
            return byKey.merge(key, change.apply(of(key)), (a, b) -> b);
        }

        @Override
        public void forget(String key) {
            byKey.remove(key);
        }

        @Override
        public int purgeIdleBefore(Instant before, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class InMemoryCounts implements RefusalCounts {
        final Map<String, Integer> counts = new HashMap<>();

        @Override
        public boolean add(String source, RefusalKind kind, Instant minute) {
            return counts.merge(source + "|" + kind + "|" + minute, 1, Integer::sum) == 1;
        }

        @Override
        public int purgeBefore(Instant before, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class InMemoryJournal implements Journal {
        final List<JournalEntry> entries = new ArrayList<>();

        @Override
        public void append(JournalEntry entry) {
            entries.add(entry);
        }

        @Override
        public int purgeBefore(Instant before, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<JournalEntry> about(String dossier) {
            throw new UnsupportedOperationException();
        }
    }

    private final InMemoryAgents agents = new InMemoryAgents();
    private final InMemoryAttempts attempts = new InMemoryAttempts();
    private final InMemoryCounts counts = new InMemoryCounts();
    private final InMemoryJournal journal = new InMemoryJournal();
    private final DossierPseudonym keys = new DossierPseudonym("a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8));
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:15:30Z"), ZoneOffset.UTC);
    private final BuiltInLogin login = new BuiltInLogin(agents, attempts, counts, journal, keys, clock);

    private Agent camille() {
        Agent a = Agent.create("team-a", Role.WORKER, "Camille", "camille@test.invalid");
        a.setPassword(RIGHT);
        return agents.add(a);
    }

    @Test
    void theRightPasswordLogsInAndForgetsTheAccountsFailures() {
        Agent a = camille();
        login.failed("camille@test.invalid", ADDRESS);
        assertEquals(1, attempts.of(LoginThrottle.accountKey(keys, "camille@test.invalid")).failures());

        assertEquals(Optional.of(a), login.authenticate(" Camille@Test.invalid ", RIGHT, false));
        assertEquals(Attempts.NONE, attempts.of(LoginThrottle.accountKey(keys, "camille@test.invalid")));
        assertEquals(1, attempts.of(LoginThrottle.addressKey(keys, ADDRESS)).failures(), "the address's failures stay");
    }

    @Test
    void aWrongPasswordOrAnOffAccountLogsNothingIn() {
        Agent a = camille();
        assertEquals(Optional.empty(), login.authenticate("camille@test.invalid", WRONG, false));
        assertEquals(Optional.empty(), login.authenticate("nobody@test.invalid", RIGHT, false));
        InMemoryAgents.demo(a);
        assertEquals(Optional.empty(), login.authenticate("camille@test.invalid", RIGHT, false));
        assertEquals(Optional.of(a), login.authenticate("camille@test.invalid", RIGHT, true));
        assertTrue(journal.entries.isEmpty(), "a check alone journals nothing");
    }

    @Test
    void failuresSlowDownTheAccountAndAreCountedWithOneJournalEntryPerMinute() {
        for (int i = 0; i < ThrottleRule.ACCOUNT.threshold(); i++) {
            assertEquals(Optional.empty(), login.waitFor("camille@test.invalid", ADDRESS), "not yet at failure " + i);
            login.failed("camille@test.invalid", ADDRESS);
        }
        assertEquals(Optional.of(Duration.ofMinutes(1)), login.waitFor("camille@test.invalid", ADDRESS));
        assertEquals(Optional.empty(), login.waitFor("other@test.invalid", ADDRESS), "another account from the address");
        assertEquals("ACCOUNT", attempts.scopes.get(LoginThrottle.accountKey(keys, "camille@test.invalid")));
        assertEquals("ADDRESS", attempts.scopes.get(LoginThrottle.addressKey(keys, ADDRESS)));

        assertEquals(1, journal.entries.size(), "the first refusal of the minute only");
        assertEquals(JournalAction.LOGIN_REFUSED, journal.entries.get(0).action());
        assertEquals(RefusalKind.LOGIN_REFUSED.name(), journal.entries.get(0).detail());
        assertEquals(Map.of(refusalSource() + "|LOGIN_REFUSED|2026-03-02T09:15:00Z", ThrottleRule.ACCOUNT.threshold()),
                counts.counts);
        assertFalse(counts.counts.keySet().stream().anyMatch(k -> k.contains(ADDRESS)), "never the address in clear");
    }

    @Test
    void otherRefusalsAreCountedUnderTheirKind() {
        login.refused(ADDRESS, RefusalKind.HOST_KEY_REFUSED);
        login.refused(ADDRESS, RefusalKind.HOST_KEY_REFUSED);
        assertEquals(1, journal.entries.size());
        assertEquals(RefusalKind.HOST_KEY_REFUSED.name(), journal.entries.get(0).detail());
        assertEquals(2, counts.counts.get(refusalSource() + "|HOST_KEY_REFUSED|2026-03-02T09:15:00Z"));
        assertTrue(attempts.byKey.isEmpty(), "no login failure for the throttle");
    }

    private String refusalSource() {
        return fr.repere.journal.Refusals.source(keys, ADDRESS);
    }
}
