package fr.repere.caf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
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
        assertEquals(Set.of(), c.contextFlags(), "nothing known yet");
    }

    @Test
    void aBeneficiaryOfTheRsaHasQuarterlyDeclarationsForTheRules() {
        CafConsultation c = consented();
        c.complete(new CafLookup.Found(new CafSituation(null, CafSituation.Benefit.since(LocalDate.of(2021, 3, 1)),
                CafSituation.Benefit.NONE)), now);
        assertEquals(CafConsultation.Status.FOUND, c.status());
        assertEquals(Optional.of(true), c.rsa());
        assertEquals(Optional.of(false), c.primeActivite());
        assertEquals(Set.of("PENDING_PROCEDURE", "QUARTERLY_DECLARATION"), c.contextFlags());
        assertTrue(c.message().contains("bénéficiaire du RSA"), c.message());
        assertThrows(IllegalStateException.class, () -> c.complete(new CafLookup.NotFound(), now), "completed once");
    }

    @Test
    void noFileAndUnavailableTeachTheRulesNothing() {
        CafConsultation none = consented();
        none.complete(new CafLookup.NotFound(), now);
        assertEquals(Set.of(), none.contextFlags());
        assertTrue(none.message().startsWith("Aucun dossier trouvé"));

        CafConsultation down = consented();
        down.complete(new CafLookup.Unavailable("API Particulier ou son fournisseur indisponible (HTTP 502)", null, true), now);
        assertEquals(Set.of(), down.contextFlags());
        assertEquals(Optional.of("API Particulier ou son fournisseur indisponible (HTTP 502)"), down.reason());
        assertTrue(down.message().contains("continuez sans"));
    }
}
