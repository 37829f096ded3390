package fr.repere.diagnostic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnosticIdTest {

    private static final String CANONICAL = "3f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d";

    @ParameterizedTest
    @ValueSource(strings = {CANONICAL, "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"})
    void acceptsCanonicalUuids(String text) {
        assertEquals(Optional.of(new DiagnosticId(text)), DiagnosticId.parse(text));
        assertEquals(text, DiagnosticId.parse(text).orElseThrow().value());
    }

    @Test
    void acceptsWhatNextGives() {
        Set<DiagnosticId> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            DiagnosticId id = DiagnosticId.next();
            assertEquals(Optional.of(id), DiagnosticId.parse(id.value()));
            assertEquals(id.value(), id.toString());
            assertEquals(4, UUID.fromString(id.value()).version(), "random UUID");
            ids.add(id);
        }
        assertEquals(100, ids.size());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "abc",
            " ",
            "3F1C9A52-7B0E-4D8A-9C21-5E6F7A8B9C0D",   // upper case
            "3f1c9a52-7b0e-4d8a-9c21-5E6F7A8B9C0D",   // mixed case
            "3f1c9a527b0e4d8a9c215e6f7a8b9c0d",       // no dashes
            "{3f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d}", // braces
            "urn:uuid:3f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d",
            " 3f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d",
            "3f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d ",
            "3f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d\n",
            "3f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0",    // one digit short
            "3f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d0",  // one digit too many
            "3f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0g",   // not hex
            "1-2-3-4-5",                              // UUID.fromString accepts it, it is not canonical
            "0-0-0-0-0",
            "+f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d",   // a sign Long.parseLong would accept
            "-f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d",
            "３f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d",   // full-width digit
            "' OR '1'='1",
            "3f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d' OR '1'='1",
            "3f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d'; DROP TABLE diagnostic; --",
            "1; DELETE FROM diagnostic",
            "../../etc/passwd",
            "%33f1c9a52-7b0e-4d8a-9c21-5e6f7a8b9c0d"})
    void rejectsAnythingElse(String text) {
        assertEquals(Optional.empty(), DiagnosticId.parse(text));
    }

    @Test
    void rejectsEveryNonCanonicalSpellingOfAValidUuid() {
        // the same UUID written with fewer leading zeros in each group
        assertTrue(DiagnosticId.parse("00000001-0002-0003-0004-000000000005").isPresent());
        assertEquals(Optional.empty(), DiagnosticId.parse("1-2-3-4-5"));
        assertEquals(Optional.empty(), DiagnosticId.parse("00000001-2-3-4-000000000005"));
    }
}
