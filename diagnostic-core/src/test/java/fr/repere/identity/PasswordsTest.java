package fr.repere.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordsTest {

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = Passwords.hash("correct horse".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$310000$"));
        assertTrue(Passwords.matches("correct horse".toCharArray(), hash));
        assertFalse(Passwords.matches("correct horsE".toCharArray(), hash));
        assertFalse(Passwords.matches("".toCharArray(), hash));
    }

    @Test
    void saltsDifferAndMalformedHashesNeverMatch() {
        assertNotEquals(Passwords.hash("x".toCharArray()), Passwords.hash("x".toCharArray()));
        assertFalse(Passwords.matches("x".toCharArray(), null));
        assertFalse(Passwords.matches("x".toCharArray(), "x"));
        assertFalse(Passwords.matches("x".toCharArray(), "pbkdf2-sha256$nan$AAAA$AAAA"));
        assertFalse(Passwords.matches("x".toCharArray(), "md5$1$AAAA$AAAA"));
    }
}
