package fr.repere.host;

import java.time.Instant;
import java.util.Optional;

/**
 * What launches leave behind (port): the token ids already used, and the Repère agent of each
 * host account. Both live in the database, so that they hold whichever node a launch reaches.
 */
public interface LaunchRecords {

    /**
     * Records the first use of a token id; false when it was used before (a replay). Kept until
     * {@code expiresAt}, after which the token itself is refused as expired.
     */
    boolean firstUse(String registration, String jti, Instant expiresAt);

    /** The agent bound to this host account, if any. */
    Optional<String> boundAgent(String issuer, String subject);

    void bind(String issuer, String subject, String agent, Instant at);

    /** Forgets the used token ids that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
