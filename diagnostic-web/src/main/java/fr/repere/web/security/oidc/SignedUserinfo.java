package fr.repere.web.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.util.DateUtils;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import fr.repere.web.security.oidc.OidcException.Reason;
import java.net.URI;
import java.util.Date;
import java.util.Map;
import java.util.Set;

/**
 * The userinfo answer, which ProConnect signs ({@code application/jwt}); plain JSON is accepted
 * too. Nimbus parses it, but has no validator for a signed userinfo: its JWT processor checks it
 * here as the ID token is checked (a key of the provider, RS256 or ES256; iss; aud containing this
 * client; exp, nbf and iat, when present, with the clock skew; a sub). Encrypted userinfo is refused.
 */
final class SignedUserinfo {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    SignedUserinfo(OidcSettings settings, JWSKeySelector<SecurityContext> keys) {
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(settings.clientId()),
                new JWTClaimsSet.Builder().issuer(settings.issuer().toString()).build(), Set.of("sub"), null) {
            @Override
            public void verify(JWTClaimsSet claimsSet, SecurityContext context) throws BadJWTException {
                super.verify(claimsSet, context);
                Date iat = claimsSet.getIssueTime();
                if (iat != null && !DateUtils.isBefore(iat, currentTime(), getMaxClockSkew())) {
                    throw new BadJWTException("JWT issue time ahead of current time");
                }
            }
        };
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWSKeySelector(keys);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The userinfo claims for this access token, verified when signed. */
    Map<String, Object> fetch(ProviderHttp http, URI endpoint, BearerAccessToken accessToken) throws OidcException {
        HTTPRequest request = new UserInfoRequest(endpoint, accessToken).toHTTPRequest();
        request.setAccept("application/jwt, application/json");
        HTTPResponse r = http.call(request, "userinfo endpoint");
        if (r.getStatusCode() >= 500) {
            throw new OidcException(Reason.PROVIDER_UNAVAILABLE, "userinfo endpoint answered HTTP " + r.getStatusCode());
        }
        if (r.getStatusCode() != 200) {
            throw refused("endpoint answered HTTP " + r.getStatusCode());
        }
        UserInfoSuccessResponse answer;
        try {
            answer = UserInfoSuccessResponse.parse(r);
        } catch (ParseException e) {
            String type = String.valueOf(r.getHeaderValue("Content-Type")).split(";")[0].trim();
            throw refused("is not a JSON object with a sub nor a JWT (content type " + ProviderHttp.safe(type) + ")");
        }
        if (answer.getUserInfo() != null) {
            return answer.getUserInfo().toJSONObject();
        }
        JWT jwt = answer.getUserInfoJWT();
        if (!(jwt instanceof SignedJWT signed)) {
            throw refused("is encrypted or unsigned, which is not supported: ask the provider for signed-only userinfo");
        }
        try {
            return processor.process(signed, null).getClaims();
        } catch (BadJOSEException | JOSEException e) {
            throw OidcClient.refused(e, Reason.INVALID_USERINFO, "userinfo");
        }
    }

    private static OidcException refused(String why) {
        return new OidcException(Reason.INVALID_USERINFO, "userinfo " + why);
    }
}
