package fr.repere.referral;

import fr.repere.hostevent.RecordedHostEvents;
import fr.repere.hostevent.HostEventType;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.InMemoryDiagnosticRepository;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralDelaysTest {

    private static final Instant MADE = Instant.parse("2026-03-02T09:00:00Z");

    private final InMemoryReferrals referrals = new InMemoryReferrals();
    private final InMemoryDiagnosticRepository diagnostics = new InMemoryDiagnosticRepository();
    private final RecordedHostEvents hostEvents = new RecordedHostEvents();
    private final ReferralDelays delays = new ReferralDelays(referrals, diagnostics, hostEvents);

    private Referral made(Instant at) {
        Referral r = Referral.make(ReferralId.next(), DiagnosticId.next(), "team-a", "agent-1", null, ReferralTest.place(), at);
        referrals.store(r);
        return r;
    }

    @Test
    void aReferralIsDueForItsReminderTenDaysAfterItWasSent() {
        Referral r = made(MADE);
        Instant nineDays = MADE.plus(Duration.ofDays(9));
        Instant tenDays = MADE.plus(Referral.REMINDER_AFTER);

        assertEquals(List.of(), delays.dueForReminder(nineDays, 10));
        assertEquals(Optional.empty(), delays.remind(r.id(), nineDays));
        assertEquals(List.of(r.id()), delays.dueForReminder(tenDays, 10));
        assertEquals(Optional.of(r), delays.remind(r.id(), tenDays));
        assertEquals(Optional.of(tenDays), r.remindedAt());
    }

    @Test
    void aReferralIsRemindedOnceEvenIfAskedAgain() {
        Referral r = made(MADE);
        Instant tenDays = MADE.plus(Referral.REMINDER_AFTER);
        delays.remind(r.id(), tenDays);

        assertEquals(List.of(), delays.dueForReminder(tenDays.plusSeconds(60), 10));
        assertEquals(Optional.empty(), delays.remind(r.id(), tenDays.plusSeconds(60)));
        assertEquals(2, r.history().size());
    }

    @Test
    void aReferralUnansweredForThirtyDaysExpiresAndIsNotRemindedAnyMore() {
        Referral r = made(MADE);
        Instant thirtyDays = MADE.plus(Referral.EXPIRY_AFTER);

        assertEquals(List.of(), delays.dueForExpiry(thirtyDays.minusMillis(1), 10));
        assertEquals(Optional.empty(), delays.expire(r.id(), thirtyDays.minusMillis(1)));
        assertEquals(List.of(r.id()), delays.dueForExpiry(thirtyDays, 10));
        assertEquals(Optional.empty(), delays.remind(r.id(), thirtyDays)); // too late for a reminder
        assertEquals(Optional.of(r), delays.expire(r.id(), thirtyDays));
        assertEquals(ReferralStatus.EXPIRED, r.status());
        assertEquals(ReferralEvent.SYSTEM, r.history().get(1).actor());
        assertEquals(Optional.empty(), delays.expire(r.id(), thirtyDays.plusSeconds(60)));
    }

    @Test
    void anAnsweredReferralNeitherRemindsNorExpires() {
        Referral r = made(MADE);
        r.accept("agent-1", MADE.plus(Duration.ofDays(2)));
        Instant later = MADE.plus(Duration.ofDays(60));

        assertEquals(List.of(), delays.dueForReminder(later, 10));
        assertEquals(List.of(), delays.dueForExpiry(later, 10));
        assertEquals(Optional.empty(), delays.remind(r.id(), later));
        assertEquals(Optional.empty(), delays.expire(r.id(), later));
        assertEquals(ReferralStatus.ACCEPTED, r.status());
    }

    @Test
    void anUnknownReferralIsNotActedOn() {
        assertEquals(Optional.empty(), delays.remind(ReferralId.next(), MADE));
        assertEquals(Optional.empty(), delays.expire(ReferralId.next(), MADE));
    }

    @Test
    void theOldestDueComeFirstWithinTheLimit() {
        Referral older = made(MADE);
        Referral newer = made(MADE.plus(Duration.ofDays(1)));
        made(MADE.plus(Duration.ofDays(2)));
        Instant later = MADE.plus(Duration.ofDays(45));

        assertEquals(List.of(older.id(), newer.id()), delays.dueForExpiry(later, 2));
        assertTrue(delays.dueForReminder(later, 2).contains(older.id()));
    }

    @Test
    void anExpiryWritesAStatusChangeUnderTheDiagnosticsCaseReferenceAndAReminderNone() {
        fr.repere.diagnostic.Diagnostic d = fr.repere.diagnostic.Diagnostic.record(DiagnosticId.next(), "team-a", "CASE-9",
                "1.0", fr.repere.questionnaire.AnswerSheet.of(java.util.Map.of()),
                new fr.repere.scoring.ScoreCard(java.util.Map.of(), java.util.Set.of()),
                new fr.repere.diagnostic.OrientationDecision(fr.repere.diagnostic.Orientation.AUTONOMOUS, List.of(), "1.0.0"), MADE);
        diagnostics.store(d);
        Referral r = Referral.make(ReferralId.next(), d.id(), "team-a", "agent-1", null, ReferralTest.place(), MADE);
        referrals.store(r);

        delays.remind(r.id(), MADE.plus(Referral.REMINDER_AFTER));
        assertEquals(List.of(), hostEvents.recorded());
        delays.expire(r.id(), MADE.plus(Referral.EXPIRY_AFTER));
        delays.expire(r.id(), MADE.plus(Referral.EXPIRY_AFTER).plusSeconds(60));

        assertEquals(List.of(HostEventType.REFERRAL_STATUS_CHANGED), hostEvents.types());
        assertEquals("CASE-9", hostEvents.last().subject());
        assertEquals("EXPIRED", hostEvents.last().data().get("status"));
        assertEquals("OPEN", hostEvents.last().data().get("previousStatus"));
    }
}
