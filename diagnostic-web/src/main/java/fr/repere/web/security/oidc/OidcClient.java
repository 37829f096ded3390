package fr.repere.web.security.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.repere.web.security.oidc.OidcException.Reason;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * OpenID Connect relying party (authorization code flow, confidential client) compatible with
 * ProConnect. Plain Java: no CDI, servlet or JAX-RS. Thread-safe: share one instance per provider.
 *
 * <p>Flow: {@link #start(URI)} → keep the {@link AuthorizationRequest} in the HTTP session and
 * redirect the browser to its {@code authorizationUri} → on the callback, remove it from the
 * session and call {@link #complete(AuthorizationRequest, String, String)} with the callback's
 * {@code code} and {@code state}.
 *
 * <p>The provider's metadata and keys are fetched on first use and cached; an ID token or userinfo
 * signed with an unknown key makes the JWKS be refetched once (key rotation).
 */
public final class OidcClient {

    /** Least time between two JWKS refetches caused by an unknown key id. */
    static final Duration DEFAULT_JWKS_MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_BYTES = 32; // 43 URL-safe characters
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final System.Logger LOG = System.getLogger(OidcClient.class.getName());

    private final OidcSettings settings;
    private final Clock clock;
    private final Duration jwksMinRefetchInterval;
    private final ProviderHttp http;

    private volatile Provider provider;

    /** The metadata and the key cache, fetched together. */
    private record Provider(OidcProviderMetadata metadata, JwksCache keys) {
    }

    public OidcClient(OidcSettings settings) {
        this(settings, Clock.systemUTC(), DEFAULT_JWKS_MIN_REFETCH_INTERVAL);
    }

    OidcClient(OidcSettings settings, Clock clock, Duration jwksMinRefetchInterval) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jwksMinRefetchInterval = Objects.requireNonNull(jwksMinRefetchInterval, "jwksMinRefetchInterval");
        this.http = new ProviderHttp(settings.httpTimeout());
    }

    public OidcSettings settings() {
        return settings;
    }

    /** The provider's metadata, fetched from the discovery URL on first call (a failure is not cached). */
    public OidcProviderMetadata metadata() throws OidcException {
        return provider().metadata();
    }

    private Provider provider() throws OidcException {
        Provider p = provider;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (provider == null) {
                OidcProviderMetadata m = OidcProviderMetadata.fetch(settings, http);
                provider = new Provider(m, new JwksCache(m.jwksUri(), http, clock, jwksMinRefetchInterval));
                LOG.log(System.Logger.Level.INFO, "OIDC: provider metadata loaded for " + m.issuer());
            }
            return provider;
        }
    }

    /**
     * Starts a login: a fresh state and nonce and the authorization URL carrying exactly
     * response_type, client_id, redirect_uri, scope, state, nonce (and acr_values when configured).
     *
     * @param redirectUri the application's callback, as registered at the provider
     */
    public AuthorizationRequest start(URI redirectUri) throws OidcException {
        URI callback = OidcSettings.requireEndpoint(Objects.requireNonNull(redirectUri, "redirectUri"),
                "redirect URI");
        OidcProviderMetadata m = metadata();
        String state = randomToken();
        String nonce = randomToken();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", settings.clientId());
        params.put("redirect_uri", callback.toString());
        params.put("scope", settings.scopeParameter());
        params.put("state", state);
        params.put("nonce", nonce);
        if (!settings.acrValues().isEmpty()) {
            params.put("acr_values", String.join(" ", settings.acrValues()));
        }
        return new AuthorizationRequest(withQuery(m.authorizationEndpoint(), params), callback, state, nonce,
                clock.instant());
    }

    /**
     * Completes a login on the provider's callback: checks the state, exchanges the code, verifies
     * the ID token, fetches and verifies userinfo.
     *
     * @param pending       the request made by {@link #start(URI)} for this browser session
     * @param code          the callback's {@code code} parameter
     * @param returnedState the callback's {@code state} parameter
     */
    public AuthenticatedAgent complete(AuthorizationRequest pending, String code, String returnedState)
            throws OidcException {
        Objects.requireNonNull(pending, "pending");
        if (returnedState == null || !constantTimeEquals(pending.state(), returnedState)) {
            throw new OidcException(Reason.STATE_MISMATCH, "the callback's state is not the pending request's");
        }
        if (clock.instant().isAfter(pending.createdAt().plus(AuthorizationRequest.MAX_AGE))) {
            throw new OidcException(Reason.REQUEST_EXPIRED, "the login was started more than "
                    + AuthorizationRequest.MAX_AGE.toMinutes() + " minutes ago");
        }
        if (code == null || code.isBlank()) {
            throw new OidcException(Reason.TOKEN_EXCHANGE_FAILED, "the callback carries no authorization code");
        }
        Provider p = provider();
        Tokens tokens = exchange(p.metadata(), pending, code);
        JWTClaimsSet id = verifyIdToken(p, tokens, pending.nonce());
        Map<String, Object> userinfo = userinfo(p, tokens.accessToken());
        Object userinfoSub = userinfo.get("sub");
        if (!(userinfoSub instanceof String)) {
            throw new OidcException(Reason.INVALID_USERINFO, "userinfo has no sub");
        }
        if (!constantTimeEquals(id.getSubject(), (String) userinfoSub)) {
            throw new OidcException(Reason.SUB_MISMATCH, "userinfo sub is not the ID token's sub");
        }
        return new AuthenticatedAgent(settings.issuer().toString(), id.getSubject(),
                claim(userinfo, "email"), claim(userinfo, "given_name"), claim(userinfo, "usual_name"),
                claim(userinfo, "uid"), claim(userinfo, "siret"), claim(userinfo, "idp_id"), tokens.idToken());
    }

    /**
     * The provider's end-session URL to redirect the browser to, after the local session is ended.
     *
     * @param idToken            the agent's ID token ({@link AuthenticatedAgent#idToken()}), as id_token_hint
     * @param postLogoutRedirect where the provider sends the browser back (registered at the provider)
     * @param state              echoed back to {@code postLogoutRedirect}; null to send none
     *                           (ProConnect expects one: use a fresh random value and check it)
     */
    public URI logoutUri(String idToken, URI postLogoutRedirect, String state) throws OidcException {
        if (idToken == null || idToken.isBlank()) {
            throw new IllegalArgumentException("idToken is required as id_token_hint");
        }
        URI back = OidcSettings.requireEndpoint(Objects.requireNonNull(postLogoutRedirect, "postLogoutRedirect"),
                "post-logout redirect URI");
        URI endSession = metadata().endSessionEndpoint();
        if (endSession == null) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA, "the provider has no end_session_endpoint");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("id_token_hint", idToken);
        if (state != null) {
            params.put("state", state);
        }
        params.put("post_logout_redirect_uri", back.toString());
        return withQuery(endSession, params);
    }

    /** 32 bytes of SecureRandom, base64url without padding (43 characters): for state, nonce, logout state. */
    public static String randomToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return B64URL.encodeToString(bytes);
    }

    // ---------------------------------------------------------------- token endpoint

    private record Tokens(String accessToken, String idToken) {
        @Override
        public String toString() {
            return "Tokens[(hidden)]";
        }
    }

    private Tokens exchange(OidcProviderMetadata m, AuthorizationRequest pending, String code)
            throws OidcException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", pending.redirectUri().toString());
        HttpRequest.Builder request = http.request(m.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        switch (settings.tokenAuthMethod()) {
            case CLIENT_SECRET_POST -> {
                form.put("client_id", settings.clientId());
                form.put("client_secret", settings.clientSecret());
            }
            case CLIENT_SECRET_BASIC -> {
                // RFC 6749 §2.3.1: both parts form-urlencoded before base64
                String pair = formEncode(settings.clientId()) + ":" + formEncode(settings.clientSecret());
                request.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            default -> throw new IllegalStateException();
        }
        ProviderHttp.Response r = http.send(
                request.POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(), "token endpoint");
        if (r.serverError()) {
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, "token endpoint answered HTTP " + r.status());
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(r.text());
        } catch (ParseException e) {
            json = Map.of();
        }
        if (r.status() != 200) {
            throw new OidcException(Reason.TOKEN_EXCHANGE_FAILED, "token endpoint answered HTTP " + r.status()
                    + " (error " + ProviderHttp.safe(json.get("error")) + ")");
        }
        Object tokenType = json.get("token_type");
        if (!(tokenType instanceof String) || !"bearer".equalsIgnoreCase((String) tokenType)) {
            throw new OidcException(Reason.TOKEN_EXCHANGE_FAILED, "token response is not a Bearer token response");
        }
        Object accessToken = json.get("access_token");
        Object idToken = json.get("id_token");
        if (!(accessToken instanceof String) || ((String) accessToken).isBlank()) {
            throw new OidcException(Reason.TOKEN_EXCHANGE_FAILED, "token response has no access_token");
        }
        if (!(idToken instanceof String) || ((String) idToken).isBlank()) {
            throw new OidcException(Reason.TOKEN_EXCHANGE_FAILED, "token response has no id_token");
        }
        return new Tokens((String) accessToken, (String) idToken);
    }

    // ---------------------------------------------------------------- ID token

    private JWTClaimsSet verifyIdToken(Provider p, Tokens tokens, String expectedNonce) throws OidcException {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(tokens.idToken());
        } catch (ParseException e) {
            throw new OidcException(Reason.INVALID_ID_TOKEN, "ID token is not a signed JWT");
        }
        p.keys().verifySignature(jwt, Reason.INVALID_ID_TOKEN, "ID token");
        JWTClaimsSet claims = claimsOf(jwt, Reason.INVALID_ID_TOKEN, "ID token");
        checkIssuerAndAudience(claims, Reason.INVALID_ID_TOKEN, "ID token", true);
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new OidcException(Reason.INVALID_ID_TOKEN, "ID token has no exp");
        }
        checkTimes(claims, now, Reason.INVALID_ID_TOKEN, "ID token");
        if (claims.getIssueTime() == null) {
            throw new OidcException(Reason.INVALID_ID_TOKEN, "ID token has no iat");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new OidcException(Reason.INVALID_ID_TOKEN, "ID token has no sub");
        }
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String) || !constantTimeEquals(expectedNonce, (String) nonce)) {
            throw new OidcException(Reason.INVALID_ID_TOKEN, "ID token nonce is not the pending request's");
        }
        Object atHash = claims.getClaim("at_hash");
        if (atHash != null) {
            if (!(atHash instanceof String)
                    || !constantTimeEquals(accessTokenHash(tokens.accessToken()), (String) atHash)) {
                throw new OidcException(Reason.INVALID_ID_TOKEN, "ID token at_hash does not match the access token");
            }
        }
        if (!settings.acrValues().isEmpty()) {
            Object acr = claims.getClaim("acr");
            if (!(acr instanceof String) || !settings.acrValues().contains(acr)) {
                throw new OidcException(Reason.INVALID_ID_TOKEN, "ID token acr " + ProviderHttp.safe(acr)
                        + " is not one of the requested acr_values");
            }
        }
        return claims;
    }

    /** at_hash for RS256/ES256: base64url of the left half of SHA-256 of the access token. */
    private static String accessTokenHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return B64URL.encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- userinfo

    private Map<String, Object> userinfo(Provider p, String accessToken) throws OidcException {
        ProviderHttp.Response r = http.send(http.request(p.metadata().userinfoEndpoint())
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/jwt, application/json")
                .GET().build(), "userinfo endpoint");
        if (r.serverError()) {
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, "userinfo endpoint answered HTTP " + r.status());
        }
        if (r.status() != 200) {
            throw new OidcException(Reason.INVALID_USERINFO, "userinfo endpoint answered HTTP " + r.status());
        }
        switch (r.mediaType()) {
            case "application/jwt":
                return signedUserinfo(p, r.text().trim());
            case "application/json":
                try {
                    return JSONObjectUtils.parse(r.text());
                } catch (ParseException e) {
                    throw new OidcException(Reason.INVALID_USERINFO, "userinfo is not a JSON object");
                }
            default:
                throw new OidcException(Reason.INVALID_USERINFO, "userinfo has an unexpected content type "
                        + ProviderHttp.safe(r.mediaType()));
        }
    }

    private Map<String, Object> signedUserinfo(Provider p, String compact) throws OidcException {
        if (compact.chars().filter(c -> c == '.').count() == 4) {
            throw new OidcException(Reason.INVALID_USERINFO,
                    "userinfo is encrypted (JWE), which is not supported: ask the provider for signed-only userinfo");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(compact);
        } catch (ParseException e) {
            throw new OidcException(Reason.INVALID_USERINFO, "userinfo is not a signed JWT");
        }
        p.keys().verifySignature(jwt, Reason.INVALID_USERINFO, "userinfo");
        JWTClaimsSet claims = claimsOf(jwt, Reason.INVALID_USERINFO, "userinfo");
        checkIssuerAndAudience(claims, Reason.INVALID_USERINFO, "userinfo", false);
        checkTimes(claims, clock.instant(), Reason.INVALID_USERINFO, "userinfo");
        return claims.getClaims();
    }

    // ---------------------------------------------------------------- claim checks

    private static JWTClaimsSet claimsOf(SignedJWT jwt, Reason reason, String what) throws OidcException {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new OidcException(reason, what + " claims are not a valid JWT claims set");
        }
    }

    private void checkIssuerAndAudience(JWTClaimsSet claims, Reason reason, String what, boolean checkAzp)
            throws OidcException {
        if (!settings.issuer().toString().equals(claims.getIssuer())) {
            throw new OidcException(reason, what + " iss is not the configured issuer");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(settings.clientId())) {
            throw new OidcException(reason, what + " aud does not contain this client id");
        }
        if (checkAzp) {
            Object azp = claims.getClaim("azp");
            if (azp == null && audience.size() > 1) {
                throw new OidcException(reason, what + " has several audiences and no azp");
            }
            if (azp != null && !settings.clientId().equals(azp)) {
                throw new OidcException(reason, what + " azp is not this client id");
            }
        }
    }

    /** exp (when present) not passed, iat and nbf (when present) not in the future, with the clock skew. */
    private void checkTimes(JWTClaimsSet claims, Instant now, Reason reason, String what) throws OidcException {
        Duration skew = settings.clockSkew();
        Date exp = claims.getExpirationTime();
        if (exp != null && !now.minus(skew).isBefore(exp.toInstant())) {
            throw new OidcException(reason, what + " has expired");
        }
        Date iat = claims.getIssueTime();
        if (iat != null && iat.toInstant().isAfter(now.plus(skew))) {
            throw new OidcException(reason, what + " is issued in the future");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
            throw new OidcException(reason, what + " is not valid yet");
        }
    }

    private static String claim(Map<String, Object> claims, String name) throws OidcException {
        Object value = claims.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new OidcException(Reason.INVALID_USERINFO, "userinfo claim " + name + " is not a string");
    }

    // ---------------------------------------------------------------- helpers

    static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Query-style encoding with spaces as %20 (accepted by every parser, unlike '+'). */
    private static String queryEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String formBody(Map<String, String> form) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(formEncode(k)).append('=')
                .append(formEncode(v)));
        return b.toString();
    }

    private static URI withQuery(URI base, Map<String, String> params) {
        StringBuilder b = new StringBuilder(base.toString());
        char sep = base.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> e : params.entrySet()) {
            b.append(sep).append(queryEncode(e.getKey())).append('=').append(queryEncode(e.getValue()));
            sep = '&';
        }
        return URI.create(b.toString());
    }
}
