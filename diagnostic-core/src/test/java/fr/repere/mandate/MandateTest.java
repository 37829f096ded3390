package fr.repere.mandate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static fr.repere.mandate.DemarcheCategory.LOGEMENT;
import static fr.repere.mandate.DemarcheCategory.SOCIAL;
import static fr.repere.mandate.DemarcheCategory.TRAVAIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MandateTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SHA = "a".repeat(64);

    private static Mandate prepared(MandateDuration duration) {
        return Mandate.prepare(MandateId.next(), "org-1", "team-a", "CASE-1", null, Set.of(SOCIAL, LOGEMENT), duration,
                "agent-1", NOW);
    }

    private static List<MandateAction> actions(Mandate m) {
        return m.journal().stream().map(MandateEvent::action).toList();
    }

    @Test
    void nothingIsAuthorisedBeforeTheAttestationIsSigned() {
        Mandate m = prepared(MandateDuration.ONE_MONTH);
        assertEquals(MandateStatus.AWAITING_SIGNATURE, m.status(NOW));
        assertFalse(m.isActive(NOW));
        MandateRefusedException e = assertThrows(MandateRefusedException.class, () -> m.use(SOCIAL, "agent-1", NOW));
        assertEquals(MandateRefusedException.Why.NOT_SIGNED, e.why());
        assertEquals(List.of(MandateAction.CREATE_ATTESTATION), actions(m));
    }

    @Test
    void signingStartsTheDurationAndCreatesOneAutorisationPerCategory() {
        Mandate m = prepared(MandateDuration.ONE_MONTH);
        Instant signed = NOW.plus(Duration.ofHours(1));
        m.sign("agent-2", SHA, signed);
        assertEquals(signed.plus(Duration.ofDays(31)), m.expiresAt().orElseThrow());
        assertTrue(m.isActive(signed.plus(Duration.ofDays(31)).minusMillis(1)));
        assertEquals(MandateStatus.EXPIRED, m.status(signed.plus(Duration.ofDays(31))));
        assertEquals(List.of(MandateAction.CREATE_ATTESTATION, MandateAction.CREATE_AUTORISATION,
                MandateAction.CREATE_AUTORISATION), actions(m));
        assertEquals(SHA, m.attestationSha256().orElseThrow());
        assertEquals(MandateRefusedException.Why.ALREADY_SIGNED,
                assertThrows(MandateRefusedException.class, () -> m.sign("agent-2", null, signed)).why());
    }

    @Test
    void everyDurationIsAidantsConnects() {
        for (MandateDuration d : MandateDuration.values()) {
            Mandate m = prepared(d);
            m.sign("a", null, NOW);
            assertEquals(NOW.plus(Duration.ofDays(d.days())), m.expiresAt().orElseThrow());
        }
        assertEquals(List.of(1, 31, 182, 365), List.of(MandateDuration.values()).stream().map(MandateDuration::days).toList());
    }

    @Test
    void onlyAHexSha256IsKeptOfTheScan() {
        Mandate m = prepared(MandateDuration.ONE_DAY);
        assertThrows(IllegalArgumentException.class, () -> m.sign("a", "not-a-hash", NOW));
        assertThrows(IllegalArgumentException.class, () -> m.sign("a", "A".repeat(64), NOW));
    }

    @Test
    void eachCategoryIsRevokedOnItsOwnAndTheMandateStaysActiveWhileOneRemains() {
        Mandate m = prepared(MandateDuration.SIX_MONTHS);
        m.sign("a", null, NOW);
        m.revoke(SOCIAL, "a", NOW.plusSeconds(10));
        assertTrue(m.isActive(NOW.plusSeconds(20)));
        assertEquals(EnumSet.of(LOGEMENT), m.categoriesInForce());
        assertEquals(MandateRefusedException.Why.CATEGORY_REVOKED,
                assertThrows(MandateRefusedException.class, () -> m.use(SOCIAL, "a", NOW.plusSeconds(30))).why());
        assertEquals(MandateRefusedException.Why.CATEGORY_NOT_AUTHORISED,
                assertThrows(MandateRefusedException.class, () -> m.use(TRAVAIL, "a", NOW.plusSeconds(30))).why());
        m.use(LOGEMENT, "a", NOW.plusSeconds(40));
        m.revoke(LOGEMENT, "a", NOW.plusSeconds(50));
        assertFalse(m.isActive(NOW.plusSeconds(60)));
        assertEquals(MandateStatus.REVOKED, m.status(NOW.plusSeconds(60)));
        assertEquals(List.of(MandateAction.CREATE_ATTESTATION, MandateAction.CREATE_AUTORISATION,
                MandateAction.CREATE_AUTORISATION, MandateAction.CANCEL_AUTORISATION, MandateAction.USE_AUTORISATION,
                MandateAction.CANCEL_AUTORISATION), actions(m));
    }

    @Test
    void revokingTheMandateRevokesEveryAutorisationInForce() {
        Mandate m = prepared(MandateDuration.TWELVE_MONTHS);
        m.sign("a", null, NOW);
        m.revoke(SOCIAL, "a", NOW.plusSeconds(1));
        m.revokeAll("b", NOW.plusSeconds(2));
        assertEquals(MandateStatus.REVOKED, m.status(NOW.plusSeconds(3)));
        assertEquals(List.of(MandateAction.CANCEL_AUTORISATION, MandateAction.CANCEL_MANDAT),
                actions(m).subList(4, 6));
        assertEquals(LOGEMENT, m.journal().get(4).category());
        assertEquals(MandateRefusedException.Why.REVOKED,
                assertThrows(MandateRefusedException.class, () -> m.revokeAll("b", NOW.plusSeconds(4))).why());
    }

    @Test
    void anExpiredMandateCannotBeUsedNorRevoked() {
        Mandate m = prepared(MandateDuration.ONE_DAY);
        m.sign("a", null, NOW);
        Instant later = NOW.plus(Duration.ofDays(1));
        assertEquals(MandateRefusedException.Why.EXPIRED,
                assertThrows(MandateRefusedException.class, () -> m.use(SOCIAL, "a", later)).why());
        assertEquals(MandateRefusedException.Why.EXPIRED,
                assertThrows(MandateRefusedException.class, () -> m.revoke(SOCIAL, "a", later)).why());
        assertEquals(MandateRefusedException.Why.EXPIRED,
                assertThrows(MandateRefusedException.class, () -> m.revokeAll("a", later)).why());
    }

    @Test
    void aMandateAuthorisesAtLeastOneCategory() {
        assertThrows(IllegalArgumentException.class, () -> Mandate.prepare(MandateId.next(), "o", "t", "c", null, Set.of(),
                MandateDuration.ONE_DAY, "a", NOW));
    }

    @Test
    void theJournalIsMadeByTheMandateAlone() {
        Mandate m = prepared(MandateDuration.ONE_DAY);
        assertThrows(UnsupportedOperationException.class, () -> m.journal().clear());
        assertThrows(IllegalStateException.class, () -> m.journal().get(0).refuseChange());
    }
}
