package fr.repere.identity;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Where the failed logins of each key are kept: in the database, shared by every node, so that an
 * attacker gains nothing by reaching another node. Keys are keyed hashes, never an address or an
 * e-mail in clear.
 */
public interface LoginAttempts {

    /** The key's attempts; {@link Attempts#NONE} if it has none. */
    Attempts of(String key);

    /**
     * Changes the key's attempts while no other node can (a failure counted on two nodes at once
     * is counted twice); returns the new attempts. {@code scope} says what the key stands for
     * ("ACCOUNT", "ADDRESS"), for whoever reads the table.
     */
    Attempts change(String key, String scope, UnaryOperator<Attempts> change);

    /** Forgets the key (a successful login). */
    void forget(String key);

    /** Removes at most {@code limit} keys whose last failure and wait are both before {@code before}; returns how many. */
    int purgeIdleBefore(Instant before, int limit);
}
