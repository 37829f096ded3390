package fr.repere.web.security.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The OpenID Connect login as configured (MicroProfile Config; each key also reads from the
 * environment, e.g. {@code REPERE_OIDC_CLIENT_SECRET}). The login is enabled when
 * {@value #ISSUER} is set; then the client id and secret are required. A wrong value is a
 * configuration error, reported with the key's name (never the secret's value).
 *
 * @param settings              the relying party's settings
 * @param redirectUri           the callback registered at the provider; null: derived from the request
 *                              ({@code <base>/api/v1/session/oidc/callback})
 * @param postLogoutRedirectUri where the provider sends the browser after its logout; null: derived
 *                              from the request ({@code <base>/})
 */
public record OidcConfiguration(OidcSettings settings, URI redirectUri, URI postLogoutRedirectUri) {

    public static final String ISSUER = "repere.oidc.issuer";
    public static final String CLIENT_ID = "repere.oidc.client-id";
    public static final String CLIENT_SECRET = "repere.oidc.client-secret";
    public static final String REDIRECT_URI = "repere.oidc.redirect-uri";
    public static final String POST_LOGOUT_REDIRECT_URI = "repere.oidc.post-logout-redirect-uri";
    public static final String SCOPES = "repere.oidc.scopes";
    public static final String ACR_VALUES = "repere.oidc.acr-values";
    public static final String TOKEN_AUTH_METHOD = "repere.oidc.token-auth-method";
    public static final String DISCOVERY_URL = "repere.oidc.discovery-url";
    public static final String HTTP_TIMEOUT = "repere.oidc.http-timeout";

    /**
     * Reads the configuration.
     *
     * @param lookup a configuration key's value, empty when not set
     * @return empty when the login is not configured ({@value #ISSUER} not set)
     * @throws IllegalArgumentException a configuration error; its message names the key
     */
    public static Optional<OidcConfiguration> read(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> value = key -> lookup.apply(key).map(String::strip).filter(v -> !v.isEmpty());
        Optional<String> issuer = value.apply(ISSUER);
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        String clientId = value.apply(CLIENT_ID).orElseThrow(() -> missing(CLIENT_ID));
        String clientSecret = value.apply(CLIENT_SECRET).orElseThrow(() -> missing(CLIENT_SECRET));
        OidcSettings s = guard(ISSUER + ", " + CLIENT_ID + " or " + CLIENT_SECRET,
                () -> OidcSettings.of(issuer.get(), clientId, clientSecret));
        Optional<String> discovery = value.apply(DISCOVERY_URL);
        if (discovery.isPresent()) {
            s = with(DISCOVERY_URL, s, x -> x.withDiscoveryUrl(uri(discovery.get())));
        }
        Optional<String> scopes = value.apply(SCOPES);
        if (scopes.isPresent()) {
            s = with(SCOPES, s, x -> x.withScope(scopes.get()));
        }
        Optional<String> acr = value.apply(ACR_VALUES);
        if (acr.isPresent()) {
            s = with(ACR_VALUES, s, x -> x.withAcrValues(acr.get()));
        }
        Optional<String> method = value.apply(TOKEN_AUTH_METHOD);
        if (method.isPresent()) {
            s = with(TOKEN_AUTH_METHOD, s, x -> x.withTokenAuthMethod(OidcSettings.tokenAuthMethod(method.get())));
        }
        Optional<String> timeout = value.apply(HTTP_TIMEOUT);
        if (timeout.isPresent()) {
            s = with(HTTP_TIMEOUT, s, x -> x.withHttpTimeout(Duration.parse(timeout.get())));
        }
        URI redirect = value.apply(REDIRECT_URI).map(v -> endpoint(REDIRECT_URI, v)).orElse(null);
        URI postLogout = value.apply(POST_LOGOUT_REDIRECT_URI).map(v -> endpoint(POST_LOGOUT_REDIRECT_URI, v)).orElse(null);
        return Optional.of(new OidcConfiguration(s, redirect, postLogout));
    }

    /** The callback URL: the configured one, else {@code <base>/api/v1/session/oidc/callback}. */
    public URI redirectUri(URI apiBase) {
        return redirectUri != null ? redirectUri : apiBase.resolve("v1/session/oidc/callback");
    }

    /** The page the provider returns to after logout: the configured one, else the site's root. */
    public URI postLogoutRedirectUri(URI apiBase) {
        return postLogoutRedirectUri != null ? postLogoutRedirectUri : apiBase.resolve("/");
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
    }

    private static URI endpoint(String key, String value) {
        return guard(key, () -> OidcSettings.requireEndpoint(uri(value), key));
    }

    private static OidcSettings with(String key, OidcSettings s, Function<OidcSettings, OidcSettings> change) {
        return guard(key, () -> change.apply(s));
    }

    private static <T> T guard(String key, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            // OidcSettings' messages never carry the secret's value
            throw new IllegalArgumentException("OpenID Connect configuration: invalid " + key + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException missing(String key) {
        return new IllegalArgumentException("OpenID Connect configuration: " + ISSUER + " is set, so " + key
                + " is required");
    }

    @Override
    public String toString() {
        return "OidcConfiguration[" + settings + ", redirectUri=" + redirectUri + ", postLogoutRedirectUri="
                + postLogoutRedirectUri + "]";
    }
}
