package fr.repere.web.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.InvalidHashException;
import fr.repere.web.security.oidc.OidcException.Reason;

/**
 * The ID token's checks. Nimbus's {@link IDTokenValidator} does signature (a key of the provider,
 * RS256 or ES256), iss, sub, aud, exp, iat (with the clock skew) and nonce; what it leaves to the
 * client is done here: azp (Nimbus only checks its type), at_hash (when present), and acr when
 * acr_values were requested.
 */
final class IdTokenCheck {

    private final OidcSettings settings;
    private final IDTokenValidator validator;

    IdTokenCheck(OidcSettings settings, IDTokenValidator validator) {
        this.settings = settings;
        this.validator = validator;
    }

    /** The ID token's subject, once every check passed. */
    String verify(OIDCTokens tokens, String expectedNonce) throws OidcException {
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(tokens.getIDToken(), new Nonce(expectedNonce));
        } catch (BadJOSEException | JOSEException e) {
            throw OidcClient.refused(e, Reason.INVALID_ID_TOKEN, "ID token");
        }
        String subject = claims.getStringClaim("sub");
        if (subject == null || subject.isBlank()) {
            throw refused("has no sub");
        }
        String azp = claims.getStringClaim("azp");
        if (azp == null ? claims.getAudience().size() > 1 : !settings.clientId().equals(azp)) {
            throw refused("azp is not this client id (required with several audiences)");
        }
        AccessTokenHash atHash = claims.getAccessTokenHash();
        if (atHash != null) {
            try {
                AccessTokenValidator.validate(tokens.getAccessToken(),
                        (JWSAlgorithm) tokens.getIDToken().getHeader().getAlgorithm(), atHash);
            } catch (InvalidHashException e) {
                throw refused("at_hash does not match the access token");
            }
        }
        ACR acr = claims.getACR();
        if (!settings.acrValues().isEmpty() && (acr == null || !settings.acrValues().contains(acr.getValue()))) {
            throw refused("acr " + ProviderHttp.safe(acr) + " is not one of the requested acr_values");
        }
        return subject;
    }

    private static OidcException refused(String why) {
        return new OidcException(Reason.INVALID_ID_TOKEN, "ID token " + why);
    }
}
