package fr.repere.web.security.oidc;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import fr.repere.web.security.oidc.OidcException.Reason;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The provider's public signing keys, for Nimbus's signature checks (which pick the key by kid,
 * type, use and algorithm). A token whose key is not known triggers one refetch (key rotation), at
 * most once per {@code minRefetchInterval} so that forged key ids cannot make us hammer the
 * provider. Nimbus's own caching source differs on purpose: its rate limit lets two fetches through
 * per interval, it refetches a set it has just fetched, its time cannot be set by the tests, and it
 * reads over its own HTTP client (not bounded as {@link ProviderHttp} is).
 *
 * <p>A failure to fetch is a {@link KeySourceException} carrying the {@link OidcException}.
 */
final class JwksCache implements JWKSource<SecurityContext> {

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

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        try {
            JWKSet seen = current();
            List<JWK> found = selector.select(seen);
            return found.isEmpty() ? selector.select(refetch(seen)) : found;
        } catch (OidcException e) {
            throw new KeySourceException(e.getMessage(), e);
        }
    }

    private synchronized JWKSet current() throws OidcException {
        if (keys == null) {
            fetch();
        }
        return keys;
    }

    /** Refetches the JWKS, unless another thread just did or the last fetch is too recent. */
    private synchronized JWKSet refetch(JWKSet seen) throws OidcException {
        if (keys != seen || clock.instant().isBefore(fetchedAt.plus(minRefetchInterval))) {
            return keys;
        }
        LOG.log(System.Logger.Level.INFO, "OIDC: unknown signing key, refetching the provider's JWKS");
        fetch();
        return keys;
    }

    private void fetch() throws OidcException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, jwksUri);
        request.setAccept("application/jwk-set+json, application/json");
        HTTPResponse r = http.call(request, "JWKS endpoint");
        fetchedAt = clock.instant();
        if (r.getStatusCode() != 200) {
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, "JWKS endpoint answered HTTP " + r.getStatusCode());
        }
        try {
            keys = new JWKSet(JWKSet.parse(r.getBody()).toPublicJWKSet().getKeys().stream()
                    .filter(JwksCache::acceptable).toList());
        } catch (ParseException e) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA, "JWKS is not a valid JSON Web Key Set");
        }
    }

    /**
     * Signature keys of the two accepted algorithms' kinds only, strong enough: RSA of 2048 bits at
     * least (RS256), EC on P-256 (ES256). Nimbus's key matching checks neither size nor curve.
     */
    private static boolean acceptable(JWK key) {
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return false;
        }
        if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY)) {
            return false;
        }
        return KeyType.RSA.equals(key.getKeyType()) ? key.size() >= MIN_RSA_BITS
                : key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
    }
}
