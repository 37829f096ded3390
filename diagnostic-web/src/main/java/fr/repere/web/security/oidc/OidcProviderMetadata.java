package fr.repere.web.security.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import fr.repere.web.security.oidc.OidcException.Reason;
import java.net.URI;
import java.text.ParseException;
import java.util.Map;

/**
 * The provider's endpoints, from its OpenID Connect discovery document.
 *
 * @param endSessionEndpoint null when the provider has none
 */
public record OidcProviderMetadata(
        URI issuer,
        URI authorizationEndpoint,
        URI tokenEndpoint,
        URI userinfoEndpoint,
        URI jwksUri,
        URI endSessionEndpoint) {

    /** Fetches {@code settings.discoveryUrl()} and validates it against {@code settings.issuer()}. */
    static OidcProviderMetadata fetch(OidcSettings settings, ProviderHttp http) throws OidcException {
        ProviderHttp.Response r = http.send(http.request(settings.discoveryUrl())
                .header("Accept", "application/json").GET().build(), "discovery endpoint");
        if (r.serverError()) {
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, "discovery endpoint answered HTTP " + r.status());
        }
        if (r.status() != 200) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA,
                    "discovery endpoint answered HTTP " + r.status());
        }
        return parse(r.text(), settings.issuer().toString());
    }

    /**
     * Parses a discovery document; its {@code issuer} must equal {@code expectedIssuer} exactly
     * (OpenID Connect Discovery 1.0, section 4.3), and every endpoint must be https (http on loopback).
     */
    public static OidcProviderMetadata parse(String json, String expectedIssuer) throws OidcException {
        Map<String, Object> doc;
        try {
            doc = JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA, "discovery document is not a JSON object");
        }
        Object issuer = doc.get("issuer");
        if (!(issuer instanceof String) || !issuer.equals(expectedIssuer)) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA,
                    "discovery document's issuer is not the configured issuer " + expectedIssuer);
        }
        return new OidcProviderMetadata(
                endpoint(doc, "issuer", true),
                endpoint(doc, "authorization_endpoint", true),
                endpoint(doc, "token_endpoint", true),
                endpoint(doc, "userinfo_endpoint", true),
                endpoint(doc, "jwks_uri", true),
                endpoint(doc, "end_session_endpoint", false));
    }

    private static URI endpoint(Map<String, Object> doc, String name, boolean required) throws OidcException {
        Object value = doc.get(name);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String)) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA, "discovery document lacks " + name);
        }
        try {
            return OidcSettings.requireEndpoint(new URI((String) value), name);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA,
                    "discovery document's " + name + " is not an acceptable URL");
        }
    }
}
