package fr.repere.web.security.oidc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import fr.repere.web.security.oidc.OidcException.Reason;
import java.net.URI;

/**
 * The provider's OpenID Connect discovery document, parsed by Nimbus. What Nimbus leaves to us:
 * the issuer must be the configured one exactly (a configurable discovery URL could name another
 * provider), the endpoints this client calls must be there, and every endpoint must be https
 * (http on loopback) since secrets and tokens travel to them.
 */
final class ProviderDiscovery {

    private ProviderDiscovery() {
    }

    /** Fetches {@code settings.discoveryUrl()} and validates it against {@code settings.issuer()}. */
    static OIDCProviderMetadata fetch(OidcSettings settings, ProviderHttp http) throws OidcException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, settings.discoveryUrl());
        request.setAccept("application/json");
        HTTPResponse r = http.call(request, "discovery endpoint");
        if (r.getStatusCode() >= 500) {
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, "discovery endpoint answered HTTP " + r.getStatusCode());
        }
        if (r.getStatusCode() != 200) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA,
                    "discovery endpoint answered HTTP " + r.getStatusCode());
        }
        return parse(r.getBody(), settings.issuer().toString());
    }

    /**
     * Parses a discovery document; its {@code issuer} must equal {@code expectedIssuer} exactly
     * (OpenID Connect Discovery 1.0, section 4.3).
     */
    static OIDCProviderMetadata parse(String json, String expectedIssuer) throws OidcException {
        OIDCProviderMetadata m;
        try {
            m = OIDCProviderMetadata.parse(json);
        } catch (ParseException e) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA, "discovery document is not valid provider metadata");
        }
        if (!expectedIssuer.equals(m.getIssuer().getValue())) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA,
                    "discovery document's issuer is not the configured issuer " + expectedIssuer);
        }
        endpoint(m.getAuthorizationEndpointURI(), "authorization_endpoint", true);
        endpoint(m.getTokenEndpointURI(), "token_endpoint", true);
        endpoint(m.getUserInfoEndpointURI(), "userinfo_endpoint", true);
        endpoint(m.getJWKSetURI(), "jwks_uri", true);
        endpoint(m.getEndSessionEndpointURI(), "end_session_endpoint", false);
        return m;
    }

    private static void endpoint(URI value, String name, boolean required) throws OidcException {
        if (value == null && required) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA, "discovery document lacks " + name);
        }
        try {
            if (value != null) {
                OidcSettings.requireEndpoint(value, name);
            }
        } catch (IllegalArgumentException e) {
            throw new OidcException(Reason.INVALID_PROVIDER_METADATA,
                    "discovery document's " + name + " is not an acceptable URL");
        }
    }
}
