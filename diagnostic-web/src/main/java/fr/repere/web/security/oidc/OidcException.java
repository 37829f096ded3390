package fr.repere.web.security.oidc;

import java.util.Objects;

/**
 * The one failure of the OpenID Connect relying party. Its message is meant for logs: it names
 * what went wrong and never carries a token, an authorization code, a secret or a claim value.
 */
public final class OidcException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a login (or a call to the provider) failed. */
    public enum Reason {
        /** The state returned on the callback is not the one sent (forged or replayed callback). */
        STATE_MISMATCH,
        /** The pending authorization request is older than {@link AuthorizationRequest#MAX_AGE}. */
        REQUEST_EXPIRED,
        /** The token endpoint refused the code or answered something unusable. */
        TOKEN_EXCHANGE_FAILED,
        /** The ID token's signature or claims (iss, aud, azp, exp, iat, nonce, at_hash, acr) are wrong. */
        INVALID_ID_TOKEN,
        /** The userinfo answer is unusable: bad signature, wrong iss/aud, content type, claims. */
        INVALID_USERINFO,
        /** The userinfo {@code sub} is not the ID token's {@code sub}. */
        SUB_MISMATCH,
        /** The provider could not be reached, timed out, or answered with a server error. */
        PROVIDER_UNAVAILABLE,
        /** The discovery document or the JWKS is malformed, or its issuer is not the configured one. */
        INVALID_PROVIDER_METADATA
    }

    private final Reason reason;

    public OidcException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public OidcException(Reason reason, String detail, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
