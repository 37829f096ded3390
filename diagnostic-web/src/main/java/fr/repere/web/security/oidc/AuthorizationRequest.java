package fr.repere.web.security.oidc;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A login in progress: where to send the browser, and what to keep (in the HTTP session, server
 * side) until the provider redirects back. Keep the whole object; use it once.
 *
 * @param authorizationUri the provider URL to redirect the browser to
 * @param redirectUri      the callback URL sent to the provider (sent again at the token endpoint)
 * @param state            anti-CSRF value, compared with the callback's {@code state}
 * @param nonce            replay guard, compared with the ID token's {@code nonce}
 * @param codeVerifier     PKCE secret (RFC 7636, S256), sent with the code to the token endpoint
 * @param createdAt        when the login started; older than {@link #MAX_AGE} is refused
 */
public record AuthorizationRequest(URI authorizationUri, URI redirectUri, String state, String nonce,
        String codeVerifier, Instant createdAt) implements Serializable {

    /** How long a user may take at the provider before the callback is refused. */
    public static final Duration MAX_AGE = Duration.ofMinutes(10);

    public AuthorizationRequest {
        Objects.requireNonNull(authorizationUri, "authorizationUri");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[redirectUri=" + redirectUri + ", createdAt=" + createdAt + "]";
    }
}
