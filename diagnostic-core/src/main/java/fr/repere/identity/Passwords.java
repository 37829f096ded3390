package fr.repere.identity;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashes for the built-in login: PBKDF2-HMAC-SHA-256, 310,000 iterations (OWASP 2023),
 * a random 16-byte salt per password, stored as {@code pbkdf2-sha256$iterations$salt$hash}.
 */
public final class Passwords {

    private static final String PREFIX = "pbkdf2-sha256";
    private static final int ITERATIONS = 310_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A hash of a password nobody knows, at the current cost: checked instead of a real one when the
     * account is unknown, inactive or has no password, so that such a login takes as long as a
     * wrong password and does not reveal which accounts exist.
     */
    public static final String DUMMY_HASH =
            "pbkdf2-sha256$310000$6/Zn8SxMZ9ofEDRCKAlHKA$VBoaYzzxJHPhBYg2n1bjzvQ9m61nrkxPqGWGF3ZN3n0";

    private Passwords() {
    }

    /** The cost (iterations) of a stored hash, or -1 if it is not one of ours. */
    public static int cost(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether checking a password against this stored hash costs as much as a new hash's check. */
    public static boolean atCurrentCost(String stored) {
        return cost(stored) == ITERATIONS;
    }

    public static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Constant-time check; false for a malformed hash. */
    public static boolean matches(char[] password, String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
