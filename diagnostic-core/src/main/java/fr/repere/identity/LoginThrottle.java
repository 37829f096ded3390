package fr.repere.identity;

import fr.repere.journal.DossierPseudonym;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down password guessing at the built-in login, per account and per source address
 * ({@link ThrottleRule#ACCOUNT}, {@link ThrottleRule#ADDRESS}). The account key is the typed
 * e-mail address, normalised, whether an agent has it or not: an unknown address is slowed down
 * exactly like a known one, so the throttle does not tell which accounts exist. Both keys are
 * keyed hashes (the journal's pseudonym secret), so the table holds neither addresses nor e-mails.
 */
public final class LoginThrottle {

    private final LoginAttempts attempts;
    private final DossierPseudonym keys;
    private final Clock clock;

    public LoginThrottle(LoginAttempts attempts, DossierPseudonym keys, Clock clock) {
        this.attempts = attempts;
        this.keys = keys;
        this.clock = clock;
    }

    /** How long this login must wait before anything is checked, if it must (the longer of the two keys' waits). */
    public Optional<Duration> waitFor(String email, String address) {
        var now = clock.instant();
        Optional<Duration> byAddress = attempts.of(addressKey(address)).waitAt(now);
        Optional<Duration> byAccount = email == null ? Optional.empty() : attempts.of(accountKey(email)).waitAt(now);
        return byAddress.isEmpty() ? byAccount
                : byAccount.map(a -> a.compareTo(byAddress.get()) > 0 ? a : byAddress.get()).or(() -> byAddress);
    }

    /** A refused login: one more failure for the address and, if one was typed, for the e-mail. */
    public void failed(String email, String address) {
        var now = clock.instant();
        attempts.change(addressKey(address), "ADDRESS", a -> a.afterFailure(now, ThrottleRule.ADDRESS));
        if (email != null) {
            attempts.change(accountKey(email), "ACCOUNT", a -> a.afterFailure(now, ThrottleRule.ACCOUNT));
        }
    }

    /** A successful login resets the account's failures (not the address's). */
    public void succeeded(String email) {
        attempts.forget(accountKey(email));
    }

    private String accountKey(String email) {
        return accountKey(keys, email);
    }

    private String addressKey(String address) {
        return addressKey(keys, address);
    }

    /** The key of a typed e-mail address: a keyed hash of it, normalised as the agent directory compares them. */
    public static String accountKey(DossierPseudonym keys, String email) {
        return keys.of("login-account", email.strip().toLowerCase(Locale.ROOT));
    }

    /** The key of a source address (normalised by the caller). */
    public static String addressKey(DossierPseudonym keys, String address) {
        return keys.of("login-address", address);
    }
}
