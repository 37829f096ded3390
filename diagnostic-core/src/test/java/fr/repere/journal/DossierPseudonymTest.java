package fr.repere.journal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DossierPseudonymTest {

    private final DossierPseudonym pseudonyms = new DossierPseudonym("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @Test
    void theSameDossierAlwaysGetsTheSamePseudonymWhichHidesTheCaseReference() {
        String p = pseudonyms.of("team-1", "DOSSIER-42");
        assertEquals(p, pseudonyms.of("team-1", "DOSSIER-42"));
        assertEquals(32, p.length());
        assertFalse(p.contains("DOSSIER"));
    }

    @Test
    void teamsAndKeysSeparatePseudonyms() {
        assertNotEquals(pseudonyms.of("team-1", "DOSSIER-42"), pseudonyms.of("team-2", "DOSSIER-42"));
        DossierPseudonym other = new DossierPseudonym("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(pseudonyms.of("team-1", "DOSSIER-42"), other.of("team-1", "DOSSIER-42"));
        assertNotEquals(pseudonyms.of("team-1", "A\u0000B"), pseudonyms.of("team-1\u0000A", "B"));
    }

    @Test
    void noCaseReferenceNoPseudonymAndShortSecretsAreRefused() {
        assertNull(pseudonyms.of("team-1", null));
        assertThrows(IllegalArgumentException.class, () -> new DossierPseudonym(new byte[16]));
    }
}
