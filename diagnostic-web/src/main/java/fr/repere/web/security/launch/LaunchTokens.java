package fr.repere.web.security.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.repere.host.LaunchClaims;
import fr.repere.host.LaunchRefusal;
import fr.repere.host.LaunchRefusedException;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Reads a launch token (a JWS in compact form) into {@link LaunchClaims}: the claims as the host
 * wrote them, decided by the core's {@code Launching} once {@link LaunchKeys} verified the signature.
 * A claim of an unexpected type is unreadable, not ignored.
 */
final class LaunchTokens {

    /** A JWS longer than this is not a launch: refused before any parsing. */
    static final int MAX_LENGTH = 16_384;

    private LaunchTokens() {
    }

    static SignedJWT parse(String compact) {
        if (compact == null || compact.isBlank() || compact.length() > MAX_LENGTH) {
            throw new LaunchRefusedException(LaunchRefusal.UNREADABLE, "no id_token, or too long");
        }
        try {
            return SignedJWT.parse(compact.strip());
        } catch (ParseException | IllegalArgumentException e) {
            throw new LaunchRefusedException(LaunchRefusal.UNREADABLE, "not a JWS: " + e.getMessage());
        }
    }

    static JWTClaimsSet claimsOf(SignedJWT token) {
        try {
            return token.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LaunchRefusedException(LaunchRefusal.UNREADABLE, "claims: " + e.getMessage());
        }
    }

    static LaunchClaims read(JWTClaimsSet c) {
        try {
            Map<String, Object> context = c.getJSONObjectClaim(LaunchClaims.CONTEXT);
            Map<String, Object> presentation = c.getJSONObjectClaim(LaunchClaims.LAUNCH_PRESENTATION);
            return new LaunchClaims(c.getIssuer(), c.getAudience(), c.getSubject(), c.getJWTID(), instant(c.getIssueTime()),
                    instant(c.getNotBeforeTime()), instant(c.getExpirationTime()), c.getStringClaim(LaunchClaims.DEPLOYMENT_ID),
                    c.getStringClaim(LaunchClaims.MESSAGE_TYPE), c.getStringClaim(LaunchClaims.VERSION),
                    c.getStringClaim(LaunchClaims.TARGET_LINK_URI), text(context, "id"), roles(c),
                    text(presentation, "document_target"), text(presentation, "return_url"), c.getStringClaim("email"),
                    c.getStringClaim("given_name"), c.getStringClaim("usual_name"));
        } catch (ParseException | ClassCastException e) {
            throw new LaunchRefusedException(LaunchRefusal.UNREADABLE, "claim of a wrong type: " + e.getMessage());
        }
    }

    private static List<String> roles(JWTClaimsSet c) throws ParseException {
        List<String> roles = c.getStringListClaim(LaunchClaims.ROLES);
        return roles == null ? List.of() : roles;
    }

    private static String text(Map<String, Object> object, String name) {
        if (object == null || object.get(name) == null) {
            return null;
        }
        if (object.get(name) instanceof String s) {
            return s;
        }
        throw new ClassCastException(name + " is not a string");
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
