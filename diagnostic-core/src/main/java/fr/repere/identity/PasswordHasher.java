package fr.repere.identity;

/**
 * Checks a password against a stored hash; the time it takes is set by the stored hash's cost.
 * A seam so that a test can see which hash each login checks (and that it checks exactly one).
 */
@FunctionalInterface
public interface PasswordHasher {

    PasswordHasher PBKDF2 = Passwords::matches;

    boolean matches(char[] password, String stored);
}
