package fr.repere.web.security.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import fr.repere.web.security.oidc.OidcException.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * OpenID Connect relying party (authorization code flow with PKCE, confidential client) compatible
 * with ProConnect, on the Nimbus SDK: Nimbus builds the requests and parses and validates the
 * answers; this class strings the steps together and says, for each failure, whose fault it is
 * ({@link Reason}), in words that never carry a token, a code or a claim value. Plain Java: no
 * CDI, servlet or JAX-RS. Thread-safe: share one instance per provider.
 *
 * <p>Flow: {@link #start(URI)} → keep the {@link AuthorizationRequest} in the HTTP session and
 * redirect the browser to its {@code authorizationUri} → on the callback, remove it from the
 * session and call {@link #complete(AuthorizationRequest, String, String)} with the callback's
 * {@code code} and {@code state}.
 *
 * <p>The provider's metadata and keys are fetched on first use and cached ({@link JwksCache}).
 */
public final class OidcClient {

    /** Least time between two JWKS refetches caused by an unknown key id. */
    static final Duration DEFAULT_JWKS_MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);
    /** ProConnect signs with RS256 or ES256; anything else (none, HS256 with the secret…) is refused. */
    static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private static final System.Logger LOG = System.getLogger(OidcClient.class.getName());

    private final OidcSettings settings;
    private final Clock clock;
    private final Duration jwksMinRefetchInterval;
    private final ProviderHttp http;
    private final ClientID clientId;

    private volatile Provider provider;

    /** What is fetched once from the provider, and the validators using its keys. */
    private record Provider(OIDCProviderMetadata metadata, IdTokenCheck idTokens, SignedUserinfo userinfo) {
    }

    public OidcClient(OidcSettings settings) {
        this(settings, Clock.systemUTC(), DEFAULT_JWKS_MIN_REFETCH_INTERVAL);
    }

    /**
     * @param clock the age of a login in progress and the JWKS refetch interval are measured with
     *              it; token times are checked by Nimbus against the system clock
     */
    OidcClient(OidcSettings settings, Clock clock, Duration jwksMinRefetchInterval) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jwksMinRefetchInterval = Objects.requireNonNull(jwksMinRefetchInterval, "jwksMinRefetchInterval");
        this.http = new ProviderHttp(settings.httpTimeout());
        this.clientId = new ClientID(settings.clientId());
    }

    /** The provider's metadata, fetched from the discovery URL on first call (a failure is not cached). */
    public OIDCProviderMetadata metadata() throws OidcException {
        return provider().metadata();
    }

    private Provider provider() throws OidcException {
        Provider p = provider;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (provider == null) {
                OIDCProviderMetadata m = ProviderDiscovery.fetch(settings, http);
                var keys = new JWSVerificationKeySelector<SecurityContext>(ACCEPTED_ALGORITHMS,
                        new JwksCache(m.getJWKSetURI(), http, clock, jwksMinRefetchInterval));
                IDTokenValidator idTokens = new IDTokenValidator(new Issuer(settings.issuer()), clientId, keys, null);
                idTokens.setMaxClockSkew((int) settings.clockSkew().toSeconds());
                provider = new Provider(m, new IdTokenCheck(settings, idTokens), new SignedUserinfo(settings, keys));
                LOG.log(System.Logger.Level.INFO, "OIDC: provider metadata loaded for " + m.getIssuer());
            }
            return provider;
        }
    }

    /**
     * Starts a login: a fresh state, nonce and PKCE verifier (32 random bytes each), and the
     * authorization URL carrying response_type, client_id, redirect_uri, scope, state, nonce,
     * code_challenge, code_challenge_method (and acr_values when configured).
     *
     * @param redirectUri the application's callback, as registered at the provider
     */
    public AuthorizationRequest start(URI redirectUri) throws OidcException {
        URI callback = OidcSettings.requireEndpoint(Objects.requireNonNull(redirectUri, "redirectUri"),
                "redirect URI");
        OIDCProviderMetadata m = metadata();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(settings.scopes().toArray(String[]::new)), clientId, callback)
                .endpointURI(m.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        if (!settings.acrValues().isEmpty()) {
            request.acrValues(settings.acrValues().stream().map(ACR::new).toList());
        }
        return new AuthorizationRequest(spacesAsPercent20(request.build().toURI()), callback, state.getValue(),
                nonce.getValue(), verifier.getValue(), clock.instant());
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
        OIDCTokens tokens = exchange(p.metadata(), pending, code);
        String subject = p.idTokens().verify(tokens, pending.nonce());
        Map<String, Object> userinfo = p.userinfo().fetch(http, p.metadata().getUserInfoEndpointURI(),
                tokens.getBearerAccessToken());
        Object userinfoSub = userinfo.get("sub");
        if (!(userinfoSub instanceof String s) || !constantTimeEquals(subject, s)) {
            throw new OidcException(Reason.SUB_MISMATCH, "userinfo sub is not the ID token's sub");
        }
        return new AuthenticatedAgent(settings.issuer().toString(), subject,
                claim(userinfo, "email"), claim(userinfo, "given_name"), claim(userinfo, "usual_name"),
                claim(userinfo, "uid"), claim(userinfo, "siret"), claim(userinfo, "idp_id"),
                tokens.getIDTokenString());
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
        URI endSession = metadata().getEndSessionEndpointURI();
        if (endSession == null) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA, "the provider has no end_session_endpoint");
        }
        try {
            return spacesAsPercent20(new LogoutRequest(endSession, JWTParser.parse(idToken), back,
                    state == null ? null : new State(state)).toURI());
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("idToken is not a JWT");
        }
    }

    private OIDCTokens exchange(OIDCProviderMetadata m, AuthorizationRequest pending, String code)
            throws OidcException {
        Secret secret = new Secret(settings.clientSecret());
        ClientAuthentication auth = ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(settings.tokenAuthMethod())
                ? new ClientSecretBasic(clientId, secret) : new ClientSecretPost(clientId, secret);
        TokenRequest request = new TokenRequest.Builder(m.getTokenEndpointURI(), auth, new AuthorizationCodeGrant(
                new AuthorizationCode(code), pending.redirectUri(), new CodeVerifier(pending.codeVerifier()))).build();
        HTTPResponse r = http.call(request.toHTTPRequest(), "token endpoint");
        if (r.getStatusCode() >= 500) {
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, "token endpoint answered HTTP " + r.getStatusCode());
        }
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(r);
        } catch (ParseException e) {
            throw new OidcException(Reason.TOKEN_EXCHANGE_FAILED, "token endpoint answered HTTP " + r.getStatusCode()
                    + " with no usable OpenID Connect token response");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new OidcException(Reason.TOKEN_EXCHANGE_FAILED, "token endpoint answered HTTP " + r.getStatusCode()
                    + " (error " + ProviderHttp.safe(error == null ? null : error.getCode()) + ")");
        }
        OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        if (!(tokens.getAccessToken() instanceof BearerAccessToken)) {
            throw new OidcException(Reason.TOKEN_EXCHANGE_FAILED, "token response is not a Bearer token response");
        }
        if (tokens.getIDToken() == null) {
            throw new OidcException(Reason.TOKEN_EXCHANGE_FAILED, "token response has no id_token");
        }
        return tokens;
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

    static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Nimbus form-encodes spaces as '+'; we send %20, which every parser reads as a space (a literal
     * '+' is already %2B, so every '+' left is a space).
     */
    private static URI spacesAsPercent20(URI uri) {
        String s = uri.toString();
        int query = s.indexOf('?') + 1;
        return URI.create(s.substring(0, query) + s.substring(query).replace("+", "%20"));
    }

    /**
     * The failure for a token Nimbus refused: the provider's own failure when fetching its keys
     * failed (provider down, bad JWKS), else {@code reason} with Nimbus's words less the claim value
     * some of its messages end with ("Unexpected JWT issuer: https://…"); the rest of a "Signed JWT
     * rejected: …" message is Nimbus's own words and says which check failed.
     */
    static OidcException refused(Exception e, Reason reason, String what) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OidcException failure) {
                return failure;
            }
        }
        String message = String.valueOf(e.getMessage());
        String signed = "Signed JWT rejected: ";
        String prefix = message.startsWith(signed) ? signed : "";
        String rest = message.substring(prefix.length());
        int colon = rest.indexOf(':');
        return new OidcException(reason, what + " refused by validation: " + prefix
                + (colon < 0 ? rest : rest.substring(0, colon)));
    }
}
