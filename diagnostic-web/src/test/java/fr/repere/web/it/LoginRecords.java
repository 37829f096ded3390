package fr.repere.web.it;

import fr.repere.identity.LoginThrottle;
import fr.repere.journal.DossierPseudonym;
import fr.repere.journal.Refusals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * What the login throttle and the refusal counts hold for the tests' own keys: the keyed hashes
 * are computed with the application's pseudonym secret (the environment's, else the WAR's default),
 * so a test reads and clears its own rows only.
 */
final class LoginRecords {

    /** The address the application sees for a test calling http://127.0.0.1:… */
    static final String LOOPBACK = "127.0.0.1";

    private LoginRecords() {
    }

    static DossierPseudonym keys() {
        String secret = System.getenv("REPERE_PSEUDONYM_SECRET");
        if (secret == null) {
            try (InputStream in = LoginRecords.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
                Properties p = new Properties();
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                secret = p.getProperty("repere.pseudonym-secret");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DossierPseudonym(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The refusals of this kind counted for this address, all minutes together. */
    static long refusals(String address, String kind) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(count), 0) FROM refusal_count WHERE source = ? AND kind = ?")) {
            s.setString(1, Refusals.source(keys(), address));
            s.setString(2, kind);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Forgets the failed logins of this address (so that a test leaves no wait behind for the next ones). */
    static void forgetAddress(String address) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("DELETE FROM login_throttle WHERE throttle_key = ?")) {
            s.setString(1, LoginThrottle.addressKey(keys(), address));
            s.executeUpdate();
        }
    }

    static String accountKey(String email) {
        return LoginThrottle.accountKey(keys(), email);
    }

    static String addressKey(String address) {
        return LoginThrottle.addressKey(keys(), address);
    }
}
