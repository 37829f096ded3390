package fr.repere.web.security.launch;

import fr.repere.host.LaunchRefusal;
import fr.repere.host.LaunchRefusedException;
import fr.repere.host.Launching;
import fr.repere.journal.RefusalKind;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.print.Printable;
import fr.repere.web.security.ClientAddress;
import fr.repere.web.security.LoginProtection;
import fr.repere.web.security.Public;
import fr.repere.web.security.PublicBaseUrl;
import fr.repere.web.security.SecurityHeaders;
import fr.repere.web.security.SessionCookiePolicy;
import fr.repere.web.security.SignedRequest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The signed launch: the host's page posts a form with {@code id_token} (a JWS it signed, LTI 1.3
 * claim names) to {@code /launch}, at the top level or in its iframe. Accepted: the agent's session
 * is open and the browser goes to the case's interview in progress, or to a new interview for the
 * case. Refused: a French page (4xx) that says what to do, the refusal counted per source address and
 * minute as other login refusals are; which check failed goes to the server's log only.
 */
@Path("v1/launch")
@Public
@RequestScoped
@Tag(name = "Session")
public class LaunchResource {

    private static final Logger LOG = Logger.getLogger(LaunchResource.class.getName());

    @Inject
    private LaunchWork work;

    @Inject
    private LoginProtection protection;

    @Inject
    private ClientAddress addresses;

    @Context
    private HttpServletRequest http;

    @Context
    private HttpServletResponse servletResponse;

    @Context
    private ContainerRequestContext request;

    @Context
    private UriInfo uri;

    @POST
    @SignedRequest
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Ouverture signée depuis le logiciel métier",
            description = "Formulaire id_token=<JWS signé ES256 ou RS256 par le logiciel métier enregistré> (revendications "
                    + "LTI 1.3 : iss, aud, iat, exp ≤ iat + 5 min, jti à usage unique, sub, deployment_id, message_type "
                    + "LtiResourceLinkRequest, version 1.3.0, target_link_uri, context.id = identifiant du dossier). "
                    + "Adresse à utiliser : /launch.")
    @APIResponse(responseCode = "303", description = "Session ouverte : l'entretien en cours du dossier, ou un nouvel entretien")
    @APIResponse(responseCode = "400", description = "Lancement illisible ou incomplet (page en français)")
    @APIResponse(responseCode = "401", description = "Logiciel, clé, signature, déploiement inconnus ; jeton expiré ou déjà utilisé")
    @APIResponse(responseCode = "403", description = "Aucun compte Repère actif pour cet agent")
    public Response launch(String body, @HeaderParam("Content-Type") String contentType, @HeaderParam("Accept") String accept,
                           @HeaderParam("Sec-Fetch-Dest") String destination) {
        // the form read here rather than by @FormParam: any other body (none, JSON…) is then a launch
        // without token (400, in French) instead of Jersey's IllegalStateException
        String idToken = idToken(body, contentType);
        URI repere = PublicBaseUrl.configured().orElse(uri.getBaseUri().resolve("/"));
        Launching.Launch launch;
        try {
            launch = work.launch(idToken, repere, http, "iframe".equals(destination));
        } catch (LaunchRefusedException e) {
            LOG.warning("Signed launch refused, " + e.refusal() + ": " + e.why());
            protection.refused(addresses.of(http), RefusalKind.LAUNCH_REFUSED);
            return refusal(e.refusal(), accept);
        }
        if (launch.framed() || "iframe".equals(destination)) {
            request.setProperty(SessionCookiePolicy.FRAMED_LAUNCH, Boolean.TRUE);
        }
        String page = launch.openInterview().map(id -> "/entretien/" + id.value())
                .orElse("/diagnostic/nouveau?case=" + URLEncoder.encode(launch.caseRef().value(), StandardCharsets.UTF_8));
        return Response.seeOther(repere.resolve(page)).header("Cache-Control", "no-store").build();
    }

    /** The {@code id_token} field of a form body; null when the body is not a form or has none. */
    static String idToken(String body, String contentType) {
        if (body == null || contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return null;
        }
        for (String field : body.split("&")) {
            if (field.startsWith("id_token=")) {
                try {
                    return java.net.URLDecoder.decode(field.substring("id_token=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }

    private Response refusal(LaunchRefusal refusal, String accept) {
        if (accept != null && !accept.contains("text/html") && accept.contains("json")) {
            return Problem.of("launch-refused", "Ouverture refusée", refusal.status(), refusal.message()).toResponse();
        }
        servletResponse.setHeader("Content-Security-Policy", SecurityHeaders.launchRefusalPolicy());
        String html = "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Ouverture refusée — Repère</title>\n</head>\n<body>\n<main>\n<h1>Ouverture refusée</h1>\n<p>"
                + Printable.escape(refusal.message()) + "</p>\n<p>Si le problème continue, transmettez l'heure de cet essai ("
                + Printable.escape(java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Paris"))
                        .format(java.time.format.DateTimeFormatter.ofPattern("d/MM/yyyy HH:mm")))
                + ") à l'administrateur Repère de votre organisation.</p>\n</main>\n</body>\n</html>\n";
        return Response.status(refusal.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                .header("Cache-Control", "no-store").build();
    }
}
