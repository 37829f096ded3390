package fr.repere.referral;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.directory.LieuService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralTest {

    private static final Instant MADE = Instant.parse("2026-03-02T09:00:00Z");

    static PlaceSnapshot place() {
        return new PlaceSnapshot("lieu-1", "Espace numérique de la mairie", "12 rue de la Paix", null, "75002", "Paris",
                "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "01 23 45 67 89", List.of("contact@lieu.invalid"),
                List.of("Se présenter", "Téléphoner"), "Une pièce d'identité");
    }

    static Referral open() {
        return Referral.make(ReferralId.next(), DiagnosticId.next(), "team-a", "agent-1", LieuService.AIDE_DEMARCHES,
                place(), MADE);
    }

    @Test
    void aNewReferralIsOpenWithItsFirstHistoryLine() {
        Referral r = open();
        assertEquals(ReferralStatus.OPEN, r.status());
        assertEquals(1, r.history().size());
        assertNull(r.history().get(0).from());
        assertEquals(ReferralStatus.OPEN, r.history().get(0).to());
        assertEquals("agent-1", r.history().get(0).actor());
        assertEquals("Ouverte / En cours de traitement", r.status().label());
    }

    @Test
    void everyStatusChangeIsWrittenToTheHistory() {
        Referral r = open();
        r.accept("agent-1", MADE.plus(Duration.ofDays(2)));
        r.complete("agent-2", MADE.plus(Duration.ofDays(9)));
        assertEquals(ReferralStatus.COMPLETED, r.status());
        assertEquals(List.of(ReferralStatus.OPEN, ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED),
                r.history().stream().map(ReferralEvent::to).toList());
        assertEquals(ReferralStatus.ACCEPTED, r.history().get(2).from());
        assertEquals("agent-2", r.history().get(2).actor());
        assertEquals(MADE.plus(Duration.ofDays(9)), r.statusChangedAt());
    }

    @Test
    void aRefusalNeedsItsReasonAndKeepsIt() {
        Referral r = open();
        assertThrows(RefusalWithoutReasonException.class, () -> r.refuse("agent-1", "  ", MADE));
        assertThrows(RefusalWithoutReasonException.class, () -> r.refuse("agent-1", null, MADE));
        assertEquals(ReferralStatus.OPEN, r.status());
        assertEquals(1, r.history().size(), "nothing written for a refused change");
        r.refuse("agent-1", " Plus de place avant juin ", MADE.plusSeconds(60));
        assertEquals("Plus de place avant juin", r.refusalReason().orElseThrow());
        assertEquals("Plus de place avant juin", r.history().get(1).reason());
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = {"REFUSED", "EXPIRED", "COMPLETED"})
    void aClosedReferralNeverChangesAgain(ReferralStatus closed) {
        Referral r = open();
        switch (closed) {
            case REFUSED -> r.refuse("a", "complet", MADE);
            case EXPIRED -> assertTrue(r.expireIfDue(MADE.plus(Referral.EXPIRY_AFTER)));
            default -> r.complete("a", MADE);
        }
        int lines = r.history().size();
        assertThrows(ForbiddenTransitionException.class, () -> r.accept("a", MADE));
        assertThrows(ForbiddenTransitionException.class, () -> r.complete("a", MADE));
        assertThrows(ForbiddenTransitionException.class, () -> r.refuse("a", "non", MADE));
        assertFalse(r.expireIfDue(MADE.plus(Duration.ofDays(400))));
        assertEquals(lines, r.history().size());
        assertEquals(closed, r.status());
    }

    @Test
    void anAcceptedReferralCannotBeRefusedNorExpire() {
        Referral r = open();
        r.accept("a", MADE);
        ForbiddenTransitionException e = assertThrows(ForbiddenTransitionException.class, () -> r.refuse("a", "non", MADE));
        assertEquals(ReferralStatus.ACCEPTED, e.from());
        assertEquals(ReferralStatus.REFUSED, e.to());
        assertFalse(r.expireIfDue(MADE.plus(Duration.ofDays(31))));
        assertFalse(r.remindIfDue(MADE.plus(Duration.ofDays(11))));
    }

    @Test
    void theWorkerIsRemindedOnceAfterTenDaysWithoutAnswer() {
        Referral r = open();
        assertFalse(r.remindIfDue(MADE.plus(Duration.ofDays(10)).minusMillis(1)));
        assertFalse(r.isWaitingTooLong(MADE.plus(Duration.ofDays(10)).minusMillis(1)));
        assertTrue(r.remindIfDue(MADE.plus(Duration.ofDays(10))));
        assertTrue(r.isWaitingTooLong(MADE.plus(Duration.ofDays(10))));
        assertFalse(r.remindIfDue(MADE.plus(Duration.ofDays(12))), "once");
        assertEquals(ReferralStatus.OPEN, r.status());
        assertEquals(ReferralEvent.Kind.REMINDER, r.history().get(1).kind());
        assertEquals(ReferralEvent.SYSTEM, r.history().get(1).actor());
        assertEquals(2, r.history().size());
    }

    @Test
    void aReferralDueForExpiryIsNotRemindedFirst() {
        Referral r = open();
        assertFalse(r.remindIfDue(MADE.plus(Duration.ofDays(30))));
        assertTrue(r.expireIfDue(MADE.plus(Duration.ofDays(30))));
        assertEquals(2, r.history().size());
    }

    @Test
    void anUnansweredReferralExpiresAtThirtyDays() {
        Referral r = open();
        assertFalse(r.expireIfDue(MADE.plus(Duration.ofDays(30)).minusMillis(1)));
        assertTrue(r.expireIfDue(MADE.plus(Duration.ofDays(30))));
        assertEquals(ReferralStatus.EXPIRED, r.status());
        assertEquals(ReferralEvent.SYSTEM, r.history().get(1).actor());
        assertFalse(r.isWaitingTooLong(MADE.plus(Duration.ofDays(31))));
    }

    @Test
    void thePlaceSnapshotAcceptsOnlyTheSchemasAccessModes() {
        assertThrows(IllegalArgumentException.class, () -> new PlaceSnapshot("id", "nom", "adresse", null, "75002",
                "Paris", null, null, List.of(), List.of("Venir quand on veut"), null));
        assertThrows(IllegalArgumentException.class, () -> new PlaceSnapshot("id", " ", "adresse", null, "75002",
                "Paris", null, null, List.of(), List.of(), null));
        PlaceSnapshot p = place();
        assertEquals(List.of("Se présenter", "Téléphoner"), p.modalitesAcces());
        assertEquals(List.of("contact@lieu.invalid"), p.courriels());
    }
}
