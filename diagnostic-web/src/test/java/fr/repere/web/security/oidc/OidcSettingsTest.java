package fr.repere.web.security.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import fr.repere.web.security.oidc.OidcException.Reason;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    private static final String ISSUER = "https://proconnect.gouv.fr/api/v2";

    @Test
    void defaultsFitProConnect() {
        OidcSettings s = OidcSettings.of(ISSUER, "client", "secret");
        assertEquals(URI.create(ISSUER + "/.well-known/openid-configuration"), s.discoveryUrl());
        assertEquals("openid given_name usual_name email uid siret idp_id", s.scopeParameter());
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_POST, s.tokenAuthMethod());
        assertEquals(Duration.ofSeconds(30), s.clockSkew());
        assertEquals(Duration.ofSeconds(5), s.httpTimeout());
        assertEquals(List.of(), s.acrValues());
        assertEquals(URI.create("https://idp.example/.well-known/openid-configuration"),
                OidcSettings.of("https://idp.example/", "c", "s").discoveryUrl());
    }

    @Test
    void toStringHidesTheSecret() {
        OidcSettings s = OidcSettings.of(ISSUER, "client", "very-secret-value");
        assertFalse(s.toString().contains("very-secret-value"));
        assertTrue(s.toString().contains("client"));
    }

    @Test
    void invalidSettingsAreRefused() {
        OidcSettings ok = OidcSettings.of(ISSUER, "client", "secret");
        assertThrows(IllegalArgumentException.class, () -> OidcSettings.of("http://proconnect.gouv.fr/api/v2", "c", "s"));
        assertThrows(IllegalArgumentException.class, () -> OidcSettings.of("proconnect.gouv.fr", "c", "s"));
        assertThrows(IllegalArgumentException.class, () -> OidcSettings.of(ISSUER, " ", "s"));
        assertThrows(IllegalArgumentException.class, () -> OidcSettings.of(ISSUER, "c", ""));
        assertThrows(IllegalArgumentException.class, () -> OidcSettings.of(ISSUER, "c", null));
        assertThrows(IllegalArgumentException.class, () -> ok.withScope("email uid"));
        assertThrows(IllegalArgumentException.class, () -> ok.withScopes(List.of("openid", "bad scope")));
        assertThrows(IllegalArgumentException.class, () -> ok.withClockSkew(Duration.ofMinutes(10)));
        assertThrows(IllegalArgumentException.class, () -> ok.withClockSkew(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> ok.withHttpTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ok.withHttpTimeout(Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> ok.withDiscoveryUrl(URI.create("http://example.org/d")));
        // http is accepted on loopback only (local tests)
        assertEquals("http://127.0.0.1:8080/api/v2",
                OidcSettings.of("http://127.0.0.1:8080/api/v2", "c", "s").issuer().toString());
    }

    @Test
    void scopesAndAcrValuesParseFromConfigurationStrings() {
        OidcSettings s = OidcSettings.of(ISSUER, "c", "s").withScope(" openid  email openid ").withAcrValues("eidas1 eidas2");
        assertEquals(List.of("openid", "email"), s.scopes());
        assertEquals(List.of("eidas1", "eidas2"), s.acrValues());
        assertEquals(List.of(), s.withAcrValues(" ").acrValues());
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, OidcSettings.tokenAuthMethod("client_secret_basic"));
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_POST, OidcSettings.tokenAuthMethod("CLIENT_SECRET_POST"));
        assertThrows(IllegalArgumentException.class, () -> OidcSettings.tokenAuthMethod("private_key_jwt"));
    }

    @Test
    void metadataParsingChecksIssuerAndEndpoints() throws Exception {
        String doc = """
                {"issuer":"%s","authorization_endpoint":"%s/authorize","token_endpoint":"%s/token",
                 "userinfo_endpoint":"%s/userinfo","jwks_uri":"%s/jwks","end_session_endpoint":"%s/session/end",
                 "response_types_supported":["code"],"subject_types_supported":["pairwise"]}
                """.formatted(ISSUER, ISSUER, ISSUER, ISSUER, ISSUER, ISSUER);
        OIDCProviderMetadata m = ProviderDiscovery.parse(doc, ISSUER);
        assertEquals(URI.create(ISSUER + "/jwks"), m.getJWKSetURI());
        assertEquals(URI.create(ISSUER + "/session/end"), m.getEndSessionEndpointURI());

        assertEquals(Reason.INVALID_PROVIDER_METADATA,
                assertThrows(OidcException.class, () -> ProviderDiscovery.parse(doc, ISSUER + "/")).reason());
        assertEquals(Reason.INVALID_PROVIDER_METADATA, assertThrows(OidcException.class,
                () -> ProviderDiscovery.parse(doc.replace("\"jwks_uri\"", "\"x\""), ISSUER)).reason());
        assertEquals(Reason.INVALID_PROVIDER_METADATA, assertThrows(OidcException.class,
                () -> ProviderDiscovery.parse(doc.replace(ISSUER + "/token", "http://proconnect.gouv.fr/token"),
                        ISSUER)).reason());
        assertEquals(Reason.INVALID_PROVIDER_METADATA,
                assertThrows(OidcException.class, () -> ProviderDiscovery.parse("not json", ISSUER)).reason());
    }
}
