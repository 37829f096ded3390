package fr.repere.web.security.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcConfigurationTest {

    private static final String ISSUER = "https://proconnect.gouv.fr/api/v2";
    private static final URI API = URI.create("https://repere.cd99.fr/api/");

    private static Optional<OidcConfiguration> read(Map<String, String> values) {
        return OidcConfiguration.read(key -> Optional.ofNullable(values.get(key)));
    }

    private static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put(OidcConfiguration.ISSUER, ISSUER);
        m.put(OidcConfiguration.CLIENT_ID, "client");
        m.put(OidcConfiguration.CLIENT_SECRET, "very-secret-value");
        return m;
    }

    @Test
    void disabledWithoutAnIssuer() {
        assertTrue(read(Map.of()).isEmpty());
        assertTrue(read(Map.of(OidcConfiguration.ISSUER, "  ", OidcConfiguration.CLIENT_ID, "client")).isEmpty());
    }

    @Test
    void minimalConfigurationTakesProConnectDefaultsAndDerivesTheUrlsFromTheRequest() {
        OidcConfiguration c = read(minimal()).orElseThrow();
        assertEquals(URI.create(ISSUER), c.settings().issuer());
        assertEquals(OidcSettings.DEFAULT_SCOPES, c.settings().scopes());
        assertEquals(URI.create("https://repere.cd99.fr/api/v1/session/oidc/callback"), c.redirectUri(API));
        assertEquals(URI.create("https://repere.cd99.fr/"), c.postLogoutRedirectUri(API));
        assertFalse(c.toString().contains("very-secret-value"));
    }

    @Test
    void everyKeyIsRead() {
        Map<String, String> m = minimal();
        m.put(OidcConfiguration.REDIRECT_URI, "https://repere.cd99.fr/api/v1/session/oidc/callback");
        m.put(OidcConfiguration.POST_LOGOUT_REDIRECT_URI, "https://repere.cd99.fr/au-revoir");
        m.put(OidcConfiguration.SCOPES, "openid email usual_name");
        m.put(OidcConfiguration.ACR_VALUES, "eidas1");
        m.put(OidcConfiguration.TOKEN_AUTH_METHOD, "client_secret_basic");
        m.put(OidcConfiguration.DISCOVERY_URL, "https://proconnect.gouv.fr/api/v2/.well-known/openid-configuration");
        m.put(OidcConfiguration.HTTP_TIMEOUT, "PT3S");
        OidcConfiguration c = read(m).orElseThrow();
        URI elsewhere = URI.create("https://ailleurs.example/api/");
        assertEquals(URI.create("https://repere.cd99.fr/api/v1/session/oidc/callback"), c.redirectUri(elsewhere));
        assertEquals(URI.create("https://repere.cd99.fr/au-revoir"), c.postLogoutRedirectUri(elsewhere));
        assertEquals(List.of("openid", "email", "usual_name"), c.settings().scopes());
        assertEquals(List.of("eidas1"), c.settings().acrValues());
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, c.settings().tokenAuthMethod());
        assertEquals(Duration.ofSeconds(3), c.settings().httpTimeout());
    }

    @Test
    void errorsNameTheKeyButNeverTheSecret() {
        Map<String, String> noSecret = minimal();
        noSecret.remove(OidcConfiguration.CLIENT_SECRET);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(noSecret)).getMessage()
                .contains(OidcConfiguration.CLIENT_SECRET));

        Map<String, String> plainHttp = minimal();
        plainHttp.put(OidcConfiguration.REDIRECT_URI, "http://repere.cd99.fr/callback");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(plainHttp)).getMessage()
                .contains(OidcConfiguration.REDIRECT_URI));

        Map<String, String> badIssuer = minimal();
        badIssuer.put(OidcConfiguration.ISSUER, "http://proconnect.gouv.fr/api/v2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(badIssuer));
        assertTrue(e.getMessage().contains(OidcConfiguration.ISSUER));
        assertFalse(e.getMessage().contains("very-secret-value"));

        Map<String, String> badMethod = minimal();
        badMethod.put(OidcConfiguration.TOKEN_AUTH_METHOD, "private_key_jwt");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(badMethod)).getMessage()
                .contains(OidcConfiguration.TOKEN_AUTH_METHOD));
        assertNull(read(minimal()).orElseThrow().redirectUri());
    }
}
