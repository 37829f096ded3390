package fr.repere.dossier;

import fr.repere.hostevent.RecordedHostEvents;
import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.identity.Attempts;
import fr.repere.identity.LoginAttempts;
import fr.repere.journal.RefusalCounts;
import fr.repere.journal.RefusalKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final RetentionPeriod DOSSIERS = RetentionPeriod.dossiers(24);
    private static final RetentionPeriod JOURNAL = RetentionPeriod.journal(12);

    /** Records the instant and limit each purge was asked with. */
    private final List<String> purges = new ArrayList<>();

    private final InMemoryDossiers dossiers = new InMemoryDossiers();
    private final DossierRightsTest.ListJournal journal = new DossierRightsTest.ListJournal() {
        @Override
        public int purgeBefore(Instant before, int limit) {
            purges.add("journal before " + before + " limit " + limit);
            return 3;
        }
    };
    private final RefusalCounts refusals = new RefusalCounts() {
        @Override
        public boolean add(String source, RefusalKind kind, Instant minute) {
            return true;
        }

        @Override
        public int purgeBefore(Instant before, int limit) {
            purges.add("refusals before " + before + " limit " + limit);
            return 2;
        }
    };
    private final LoginAttempts logins = new LoginAttempts() {
        @Override
        public Attempts of(String key) {
            return Attempts.NONE;
        }

        @Override
        public Attempts change(String key, String scope, UnaryOperator<Attempts> change) {
            return change.apply(Attempts.NONE);
        }

        @Override
        public void forget(String key) {
        }

        @Override
        public int purgeIdleBefore(Instant before, int limit) {
            purges.add("logins idle before " + before + " limit " + limit);
            return 1;
        }
    };
    private final RecordedHostEvents hostEvents = new RecordedHostEvents();
    private final Retention retention = new Retention(dossiers, journal, refusals, logins, hostEvents);

    private static Instant monthsAgo(int months) {
        return NOW.atZone(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    @Test
    void aDossierPastItsPeriodIsListedThenAnonymizedOnce() {
        Diagnostic old = DossierFixtures.diagnostic(dossiers, "A", "OLD", monthsAgo(30));
        DossierFixtures.diagnostic(dossiers, "A", "RECENT", monthsAgo(3));

        assertEquals(List.of(new DossierRef("A", "OLD")), retention.dueDossiers(DOSSIERS, NOW, 10));
        Optional<Dossier.Anonymization> done = retention.anonymizeIfDue(DOSSIERS, new DossierRef("A", "OLD"), NOW);
        assertEquals(1, done.orElseThrow().diagnostics());
        assertTrue(old.isAnonymous());
        assertEquals(Optional.empty(), retention.anonymizeIfDue(DOSSIERS, new DossierRef("A", "RECENT"), NOW));
        assertEquals(Optional.empty(), retention.anonymizeIfDue(RetentionPeriod.dossiers(36), new DossierRef("A", "OLD"), NOW),
                "the period is the caller's setting");
        assertEquals(List.of("A/OLD"), hostEvents.forgotten(), "the hosts' events of the dossier lose its case reference");
    }

    @Test
    void aRecordWithoutCaseReferenceIsAnonymizedAlone() {
        Diagnostic alone = DossierFixtures.diagnostic(dossiers, "A", null, monthsAgo(30));
        List<DiagnosticId> due = retention.dueWithoutCase(DOSSIERS, NOW, 10);
        assertEquals(List.of(alone.id()), due);
        assertTrue(retention.anonymizeWithoutCaseIfDue(DOSSIERS, alone.id(), NOW));
        assertFalse(retention.anonymizeWithoutCaseIfDue(DOSSIERS, alone.id(), NOW), "done once");
    }

    @Test
    void theJournalAndRefusalCountsArePurgedPastTheJournalsPeriodAndLoginKeysAfterADayIdle() {
        assertEquals(3, retention.purgeJournal(JOURNAL, NOW, 500));
        assertEquals(2, retention.purgeRefusalCounts(JOURNAL, NOW, 500));
        assertEquals(1, retention.purgeIdleLoginThrottles(NOW, 500));
        assertEquals(List.of("journal before " + monthsAgo(12) + " limit 500",
                "refusals before " + monthsAgo(12) + " limit 500",
                "logins idle before " + NOW.minus(Duration.ofDays(1)) + " limit 500"), purges);
    }

    @Test
    void flushingWritesTheDossiersChanges() {
        retention.flush();
        assertEquals(1, dossiers.flushes);
    }
}
