package fr.repere.web.security.oidc;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Configuration of the relying party. Null optional components take their defaults; invalid
 * values throw {@link IllegalArgumentException} (a configuration error, meant to stop start-up).
 *
 * @param issuer          the provider's issuer, exactly as its discovery document spells it
 *                        (ProConnect: {@code https://<host>/api/v2})
 * @param discoveryUrl    where the discovery document is served; default
 *                        {@code {issuer}/.well-known/openid-configuration}
 * @param clientId        the client id given by the provider
 * @param clientSecret    the client secret given by the provider (never printed by {@link #toString()})
 * @param scopes          requested scopes; must contain {@code openid}; default {@link #DEFAULT_SCOPES}
 * @param tokenAuthMethod how the client authenticates at the token endpoint; default client_secret_post
 * @param clockSkew       tolerated clock difference for exp/iat/nbf, 0..5 min; default 30 s
 * @param httpTimeout     connect timeout and whole-exchange timeout of each call, 100 ms..60 s; default 5 s
 * @param acrValues       sent as {@code acr_values} only when not empty; then the ID token's {@code acr}
 *                        must be one of them; default empty
 */
public record OidcSettings(
        URI issuer,
        URI discoveryUrl,
        String clientId,
        String clientSecret,
        List<String> scopes,
        ClientAuthenticationMethod tokenAuthMethod,
        Duration clockSkew,
        Duration httpTimeout,
        List<String> acrValues) {

    /** The ProConnect scopes the agent's profile is built from. */
    public static final List<String> DEFAULT_SCOPES =
            List.of("openid", "given_name", "usual_name", "email", "uid", "siret", "idp_id");
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MIN_HTTP_TIMEOUT = Duration.ofMillis(100);
    private static final Duration MAX_HTTP_TIMEOUT = Duration.ofSeconds(60);

    /** RFC 6749 scope-token (also used for acr values). */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]+");

    /** Client authentications at the token endpoint this client can do (it holds a secret). */
    private static final Set<ClientAuthenticationMethod> TOKEN_AUTH_METHODS = Set.of(
            ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.CLIENT_SECRET_BASIC);

    /** {@code client_secret_post} or {@code client_secret_basic}, in any case. */
    public static ClientAuthenticationMethod tokenAuthMethod(String text) {
        String t = Objects.requireNonNull(text, "token auth method").trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || !TOKEN_AUTH_METHODS.contains(ClientAuthenticationMethod.parse(t))) {
            throw new IllegalArgumentException("unsupported token auth method: " + t
                    + " (client_secret_post or client_secret_basic)");
        }
        return ClientAuthenticationMethod.parse(t);
    }

    public OidcSettings {
        issuer = requireEndpoint(issuer, "issuer");
        if (discoveryUrl == null) {
            String base = issuer.toString();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            discoveryUrl = URI.create(base + "/.well-known/openid-configuration");
        }
        discoveryUrl = requireEndpoint(discoveryUrl, "discovery URL");
        if (clientId == null || clientId.isBlank() || !PRINTABLE.matcher(clientId).matches()) {
            throw new IllegalArgumentException("client id must be a non-blank printable string");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("client secret must be set");
        }
        scopes = tokens(scopes == null ? DEFAULT_SCOPES : scopes, "scope");
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("scopes must contain openid");
        }
        tokenAuthMethod = tokenAuthMethod == null ? ClientAuthenticationMethod.CLIENT_SECRET_POST : tokenAuthMethod;
        if (!TOKEN_AUTH_METHODS.contains(tokenAuthMethod)) {
            throw new IllegalArgumentException("unsupported token auth method: " + tokenAuthMethod);
        }
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clock skew must be between 0 and " + MAX_CLOCK_SKEW);
        }
        httpTimeout = httpTimeout == null ? DEFAULT_HTTP_TIMEOUT : httpTimeout;
        if (httpTimeout.compareTo(MIN_HTTP_TIMEOUT) < 0 || httpTimeout.compareTo(MAX_HTTP_TIMEOUT) > 0) {
            throw new IllegalArgumentException("http timeout must be between "
                    + MIN_HTTP_TIMEOUT + " and " + MAX_HTTP_TIMEOUT);
        }
        acrValues = acrValues == null ? List.of() : tokens(acrValues, "acr value");
    }

    /** Settings with every default, for {@code issuer} (exactly as the provider spells it). */
    public static OidcSettings of(String issuer, String clientId, String clientSecret) {
        Objects.requireNonNull(issuer, "issuer");
        return new OidcSettings(URI.create(issuer.trim()), null, clientId, clientSecret,
                null, null, null, null, null);
    }

    public OidcSettings withDiscoveryUrl(URI url) {
        return new OidcSettings(issuer, url, clientId, clientSecret, scopes, tokenAuthMethod,
                clockSkew, httpTimeout, acrValues);
    }

    /** Scopes as a list, or null for the defaults. */
    public OidcSettings withScopes(List<String> newScopes) {
        return new OidcSettings(issuer, discoveryUrl, clientId, clientSecret, newScopes, tokenAuthMethod,
                clockSkew, httpTimeout, acrValues);
    }

    /** Scopes as one space-separated string (as in configuration files). */
    public OidcSettings withScope(String spaceSeparated) {
        return withScopes(split(spaceSeparated));
    }

    public OidcSettings withTokenAuthMethod(ClientAuthenticationMethod method) {
        return new OidcSettings(issuer, discoveryUrl, clientId, clientSecret, scopes, method,
                clockSkew, httpTimeout, acrValues);
    }

    public OidcSettings withClockSkew(Duration skew) {
        return new OidcSettings(issuer, discoveryUrl, clientId, clientSecret, scopes, tokenAuthMethod,
                skew, httpTimeout, acrValues);
    }

    public OidcSettings withHttpTimeout(Duration timeout) {
        return new OidcSettings(issuer, discoveryUrl, clientId, clientSecret, scopes, tokenAuthMethod,
                clockSkew, timeout, acrValues);
    }

    /** acr values as one space-separated string; blank or null sends none. */
    public OidcSettings withAcrValues(String spaceSeparated) {
        return new OidcSettings(issuer, discoveryUrl, clientId, clientSecret, scopes, tokenAuthMethod,
                clockSkew, httpTimeout, spaceSeparated == null ? List.of() : split(spaceSeparated));
    }

    /** The scope parameter value: the scopes joined by one space. */
    public String scopeParameter() {
        return String.join(" ", scopes);
    }

    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", discoveryUrl=" + discoveryUrl + ", clientId=" + clientId
                + ", clientSecret=(hidden), scopes=" + scopes + ", tokenAuthMethod=" + tokenAuthMethod.getValue()
                + ", clockSkew=" + clockSkew + ", httpTimeout=" + httpTimeout + ", acrValues=" + acrValues + "]";
    }

    private static List<String> split(String spaceSeparated) {
        if (spaceSeparated == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String s : spaceSeparated.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> tokens(List<String> values, String what) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || !SCOPE_TOKEN.matcher(v).matches()) {
                throw new IllegalArgumentException("invalid " + what + ": must be a non-empty token without spaces");
            }
            out.add(v);
        }
        return List.copyOf(out);
    }

    /**
     * An absolute https URI without fragment, or http on a loopback address (local tests only):
     * secrets and tokens never travel in clear over a network.
     */
    static URI requireEndpoint(URI uri, String what) {
        if (uri == null) {
            throw new IllegalArgumentException(what + " must be set");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL without user info or fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return uri;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return uri;
        }
        throw new IllegalArgumentException(what + " must use https (plain http is accepted on loopback only)");
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // only literal addresses: never resolve a name here
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
