package fr.repere.identity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An unknown e-mail must cost what a known one costs (issue 14: 19 ms against 259 ms told which
 * accounts exist). Measured by behaviour, not by a clock: every login checks exactly one password
 * hash, at the cost of a real account's.
 */
class PasswordLoginTest {

    private static final char[] RIGHT = "mot-de-passe-juste".toCharArray();
    private static final char[] WRONG = "mot-de-passe-faux".toCharArray();

    /** A real PBKDF2 check that remembers which stored hashes it was asked to check. */
    private static final class CountingHasher implements PasswordHasher {
        final List<String> checked = new ArrayList<>();

        @Override
        public boolean matches(char[] password, String stored) {
            checked.add(stored);
            return Passwords.matches(password, stored);
        }
    }

    private final CountingHasher hasher = new CountingHasher();
    private final PasswordLogin login = new PasswordLogin(hasher, false);

    private static Agent agent() {
        Agent a = Agent.create("team-a", Role.WORKER, "Camille Test", "camille@test.invalid");
        a.setPassword(RIGHT);
        return a;
    }

    private void assertOneCheckAtTheCostOfARealAccount() {
        assertEquals(1, hasher.checked.size(), "exactly one password check");
        assertEquals(310_000, Passwords.cost(hasher.checked.get(0)), "at the cost of a real account's hash");
        assertEquals(Passwords.cost(agent().passwordHash()), Passwords.cost(hasher.checked.get(0)));
    }

    @Test
    void anUnknownAccountCostsOnePasswordCheckLikeAKnownOne() {
        assertEquals(Optional.empty(), login.authenticate(Optional.empty(), RIGHT));
        assertOneCheckAtTheCostOfARealAccount();
        assertEquals(Passwords.DUMMY_HASH, hasher.checked.get(0));
    }

    @Test
    void aWrongPasswordCostsOnePasswordCheck() {
        Agent a = agent();
        assertEquals(Optional.empty(), login.authenticate(Optional.of(a), WRONG));
        assertOneCheckAtTheCostOfARealAccount();
        assertEquals(a.passwordHash(), hasher.checked.get(0));
    }

    @Test
    void aDeactivatedAccountCostsOnePasswordCheckAndIsRefusedEvenWithItsPassword() {
        Agent a = agent();
        a.deactivate();
        assertEquals(Optional.empty(), login.authenticate(Optional.of(a), RIGHT));
        assertOneCheckAtTheCostOfARealAccount();
        assertEquals(Passwords.DUMMY_HASH, hasher.checked.get(0));
    }

    @Test
    void anAccountWithoutPasswordCostsOnePasswordCheck() {
        Agent proConnectOnly = Agent.create("team-a", Role.WORKER, "Dominique Test", "dominique@test.invalid");
        assertEquals(Optional.empty(), login.authenticate(Optional.of(proConnectOnly), RIGHT));
        assertOneCheckAtTheCostOfARealAccount();
    }

    @Test
    void theRightPasswordOfAnActiveAccountLogsIn() {
        Agent a = agent();
        assertEquals(Optional.of(a), login.authenticate(Optional.of(a), RIGHT));
        assertOneCheckAtTheCostOfARealAccount();
    }

    @Test
    void theDummyHashIsWellFormedAtTheCurrentCostAndMatchesNoUsualPassword() {
        assertTrue(Passwords.atCurrentCost(Passwords.DUMMY_HASH));
        String[] parts = Passwords.DUMMY_HASH.split("\\$");
        assertEquals(16, java.util.Base64.getDecoder().decode(parts[2]).length, "a 16-byte salt, as a real hash");
        assertEquals(32, java.util.Base64.getDecoder().decode(parts[3]).length, "a 32-byte hash, as a real hash");
        assertFalse(Passwords.matches(RIGHT, Passwords.DUMMY_HASH));
        assertFalse(Passwords.matches("".toCharArray(), Passwords.DUMMY_HASH));
    }
}
