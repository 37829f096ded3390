package fr.repere.host;

import java.time.Instant;
import java.util.List;

/**
 * The claims of a launch token whose signature was verified, as the host wrote them (LTI 1.3
 * names: {@link #DEPLOYMENT_ID}, {@link #MESSAGE_TYPE}, …). Nothing is checked yet but the
 * signature: {@link Launching} decides. Never a health or social detail: identifiers only.
 *
 * @param contextId the host's own id of the case (LTI {@code context.id}): the dossier's case reference
 */
public record LaunchClaims(String issuer, List<String> audience, String subject, String jti, Instant issuedAt,
                           Instant notBefore, Instant expiresAt, String deploymentId, String messageType, String version,
                           String targetLinkUri, String contextId, List<String> roles, String documentTarget,
                           String returnUrl, String email, String givenName, String usualName) {

    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String DEPLOYMENT_ID = LTI + "deployment_id";
    public static final String MESSAGE_TYPE = LTI + "message_type";
    public static final String VERSION = LTI + "version";
    public static final String TARGET_LINK_URI = LTI + "target_link_uri";
    public static final String CONTEXT = LTI + "context";
    public static final String ROLES = LTI + "roles";
    public static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
    /** The only message a host sends: open a resource (here: a person's dossier). */
    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    public static final String LTI_VERSION = "1.3.0";

    public LaunchClaims {
        audience = audience == null ? List.of() : List.copyOf(audience);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Whether the page will be shown in the host's iframe (LTI {@code launch_presentation.document_target}). */
    public boolean framed() {
        return "iframe".equals(documentTarget);
    }
}
