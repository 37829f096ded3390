package fr.repere.web.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import fr.repere.web.security.oidc.OidcException.Reason;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The provider's public signing keys, fetched from its jwks_uri, and JWS signature checks with them.
 * A token whose key is not known triggers one refetch (key rotation), at most once per
 * {@code minRefetchInterval} so that forged key ids cannot make us hammer the provider.
 */
final class JwksCache {

    static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final int MIN_RSA_BITS = 2048;

    private static final System.Logger LOG = System.getLogger(JwksCache.class.getName());

    private final URI jwksUri;
    private final ProviderHttp http;
    private final Clock clock;
    private final Duration minRefetchInterval;

    private JWKSet keys;
    private Instant fetchedAt;

    JwksCache(URI jwksUri, ProviderHttp http, Clock clock, Duration minRefetchInterval) {
        this.jwksUri = jwksUri;
        this.http = http;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
    }

    /**
     * Checks the JWS signature of {@code jwt} with a key of the provider.
     *
     * @param onInvalid the reason of the exception thrown when the signature is not acceptable
     * @param what      names the token in messages ("ID token", "userinfo")
     */
    void verifySignature(SignedJWT jwt, Reason onInvalid, String what) throws OidcException {
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (!ACCEPTED_ALGORITHMS.contains(alg)) {
            throw new OidcException(onInvalid, what + " is signed with an unaccepted algorithm "
                    + ProviderHttp.safe(alg) + " (RS256 or ES256 expected)");
        }
        String kid = header.getKeyID();
        JWKSet seen = current();
        List<JWK> candidates = candidates(seen, alg, kid);
        if (candidates.isEmpty()) {
            JWKSet refreshed = refetch(seen);
            candidates = candidates(refreshed, alg, kid);
        }
        if (candidates.isEmpty()) {
            throw new OidcException(onInvalid, what + " is signed with a key the provider does not publish (kid "
                    + ProviderHttp.safe(kid) + ")");
        }
        for (JWK key : candidates) {
            try {
                JWSVerifier verifier = key instanceof RSAKey rsa
                        ? new RSASSAVerifier(rsa)
                        : new ECDSAVerifier((ECKey) key);
                if (jwt.verify(verifier)) {
                    return;
                }
            } catch (JOSEException | IllegalStateException e) {
                // unusable key or token: try the next candidate, then fail below
            }
        }
        throw new OidcException(onInvalid, what + " signature does not verify");
    }

    private synchronized JWKSet current() throws OidcException {
        if (keys == null) {
            fetch();
        }
        return keys;
    }

    /** Refetches the JWKS, unless another thread just did or the last fetch is too recent. */
    private synchronized JWKSet refetch(JWKSet seen) throws OidcException {
        if (keys != seen) {
            return keys;
        }
        if (fetchedAt != null && clock.instant().isBefore(fetchedAt.plus(minRefetchInterval))) {
            return keys;
        }
        LOG.log(System.Logger.Level.INFO, "OIDC: unknown signing key, refetching the provider's JWKS");
        fetch();
        return keys;
    }

    private void fetch() throws OidcException {
        ProviderHttp.Response r = http.send(http.request(jwksUri)
                .header("Accept", "application/jwk-set+json, application/json").GET().build(), "JWKS endpoint");
        fetchedAt = clock.instant();
        if (r.status() != 200) {
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, "JWKS endpoint answered HTTP " + r.status());
        }
        try {
            keys = JWKSet.parse(r.text()).toPublicJWKSet();
        } catch (ParseException e) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA, "JWKS is not a valid JSON Web Key Set");
        }
    }

    private static List<JWK> candidates(JWKSet set, JWSAlgorithm alg, String kid) {
        List<JWK> out = new ArrayList<>();
        for (JWK key : set.getKeys()) {
            if (kid != null && !kid.equals(key.getKeyID())) {
                continue;
            }
            if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
                continue;
            }
            if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY)) {
                continue;
            }
            if (key.getAlgorithm() != null && !alg.equals(key.getAlgorithm())) {
                continue;
            }
            if (JWSAlgorithm.RS256.equals(alg) && KeyType.RSA.equals(key.getKeyType())
                    && key.size() >= MIN_RSA_BITS) {
                out.add(key);
            } else if (JWSAlgorithm.ES256.equals(alg) && KeyType.EC.equals(key.getKeyType())
                    && Curve.P_256.equals(((ECKey) key).getCurve())) {
                out.add(key);
            }
        }
        return out;
    }
}
