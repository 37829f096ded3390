package fr.repere.caf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

class CafConsultationTest {

    final Instant now = Instant.parse("2026-11-24T10:00:00.123456Z");

    CafConsultation consented() {
        return CafConsultation.consented("interview-1", "team-1", "agent-1", now);
    }

    @Test
    void consentComesFirstAndIsKeptWithWhoAndWhen() {
        CafConsultation c = consented();
        assertEquals(CafConsultation.Status.PENDING, c.status());
        assertEquals(Instant.parse("2026-11-24T10:00:00.123Z"), c.consentedAt());
        assertEquals("agent-1", c.consentedBy());
        assertEquals(Set.of(), c.contextFlags(), "nothing known yet");
        assertEquals(Optional.empty(), c.inOrientation());
    }

    @Test
    void aBeneficiaryOfTheRsaHasQuarterlyDeclarationsForTheRules() {
        CafConsultation c = consented();
        assertTrue(c.complete(new CafLookup.Found(new CafSituation(true, false)), now));
        assertEquals(CafConsultation.Status.FOUND, c.status());
        assertEquals(Optional.of(true), c.rsa());
        assertEquals(Optional.of(false), c.primeActivite());
        assertEquals(Set.of("PENDING_PROCEDURE", "QUARTERLY_DECLARATION"), c.contextFlags());
        assertEquals("Dossier trouvé : bénéficiaire du RSA. Déclarations trimestrielles en ligne à faire : c'est une démarche "
                + "récurrente, qui sera prise en compte dans l'orientation à la fin de l'entretien.", c.message());
        assertFalse(c.complete(new CafLookup.NotFound(), now), "closed once: a later answer changes nothing");
        assertEquals(CafConsultation.Status.FOUND, c.status());
    }

    @Test
    void noFileAndUnavailableTeachTheRulesNothing() {
        CafConsultation none = consented();
        none.complete(new CafLookup.NotFound(), now);
        assertEquals(Set.of(), none.contextFlags());
        assertEquals("Aucun dossier trouvé à la CAF ni à la MSA pour cette identité.", none.message());

        CafConsultation down = consented();
        down.complete(new CafLookup.Unavailable(CafLookup.Failure.PROVIDER_DOWN, "API Particulier indisponible (HTTP 502)", null), now);
        assertEquals(Set.of(), down.contextFlags());
        assertEquals(Optional.of("API Particulier indisponible (HTTP 502)"), down.reason());
        assertEquals(Optional.of(CafLookup.Failure.PROVIDER_DOWN), down.failure());
        assertEquals("La CAF ne répond pas pour l'instant : continuez sans ces informations.", down.message());
    }

    @ParameterizedTest
    @EnumSource(CafLookup.Failure.class)
    void eachFailureTellsTheWorkerWhoCanActInRepereOwnWords(CafLookup.Failure failure) {
        CafConsultation c = consented();
        c.complete(new CafLookup.Unavailable(failure, "identité refusée (HTTP 422, erreur 00201)", null), now);
        String expected = switch (failure) {
            case PROVIDER_DOWN -> "ne répond pas pour l'instant";
            case RATE_LIMITED -> "demande d'attendre";
            case CONFIGURATION -> "prévenez l'administrateur de Repère";
            case IDENTITY_REFUSED -> "vérifiez l'état civil";
            case UNEXPECTED, INTERNAL -> "n'a pas pu être lue";
        };
        assertTrue(c.message().contains(expected), c.message());
        assertFalse(c.message().contains("HTTP"), "the technical reason is for support, not in the worker's message");
    }

    @Test
    void pendingPastTheDeadlineIsOverdue() {
        CafConsultation c = consented();
        Duration deadline = Duration.ofMinutes(2);
        assertFalse(c.overdue(c.consentedAt().plus(deadline), deadline));
        assertTrue(c.overdue(c.consentedAt().plus(deadline).plusMillis(1), deadline));
        c.complete(new CafLookup.NotFound(), now);
        assertFalse(c.overdue(now.plus(Duration.ofDays(1)), deadline), "closed: never overdue");
    }
}
