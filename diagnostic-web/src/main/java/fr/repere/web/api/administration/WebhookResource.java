package fr.repere.web.api.administration;

import fr.repere.identity.Role;
import fr.repere.web.api.BodyFields;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.Caller;
import fr.repere.webhook.WebhookAdministration;
import fr.repere.webhook.WebhookEndpoint;
import fr.repere.webhook.WebhookUrls;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organisation's webhook endpoints: every host event of the organisation (of its teams, if
 * restricted) is pushed to them, signed as Standard Webhooks. A secret is shown once.
 */
@Path("v1/admin/webhooks")
@RequestScoped
@Allowed(Role.ADMIN)
@Tag(name = "Administration")
public class WebhookResource {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    private Webhooks webhooks;

    @Context
    private UriInfo uri;

    /** An endpoint; {@code status}: ACTIVE, FAILING (still sent to) or DISABLED. Never its secrets. */
    public record WebhookView(String id, String url, List<String> teams, String createdAt, String status, String statusLabel,
                              String disabledAt, String disabledReason, String failingSince, String lastError) {
        static WebhookView of(WebhookEndpoint e) {
            return new WebhookView(e.id(), e.url(), e.teams(), e.createdAt().toString(), e.status(), e.statusLabel(),
                    text(e.disabledAt()), e.disabledReason(), text(e.failingSince()), e.lastError());
        }

        private static String text(Instant i) {
            return i == null ? null : i.toString();
        }
    }

    /** A new endpoint: {@code secret} is shown this once. */
    public record CreatedView(String id, String url, List<String> teams, String createdAt, String status, String secret) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Webhooks de l'organisation", description = "Les secrets ne sont jamais réaffichés.")
    public Response list(@Context SecurityContext security) {
        return Json.ok(webhooks.endpoints(caller(security)).stream().map(WebhookView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Créer un webhook",
            description = "Corps : {\"url\": \"https://logiciel.exemple.fr/repere/webhooks\"}, et facultativement \"teams\" : "
                    + "[identifiants d'équipes] pour ne recevoir que les événements de ces équipes. L'adresse doit être en "
                    + "https et publique. Le secret (whsec_…) est affiché une seule fois.")
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Adresse refusée ou équipe inconnue",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(InputStream body, @Context SecurityContext security) {
        BodyFields in = new BodyFields(JsonBodies.object(JsonBodies.readLimited(body)), Set.of("url", "teams"));
        String url = in.text("url", WebhookUrls.MAX_LENGTH, true);
        List<String> teams = in.texts("teams", 36, null);
        in.done("Le webhook");
        WebhookAdministration.Created created = webhooks.create(caller(security), url, teams.stream().distinct().toList());
        WebhookEndpoint e = created.endpoint();
        return Json.created(uri.getAbsolutePathBuilder().path(e.id()).build().toString(),
                new CreatedView(e.id(), e.url(), e.teams(), e.createdAt().toString(), e.status(), created.secret()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Supprimer un webhook")
    @APIResponse(responseCode = "204", description = "Webhook supprimé")
    @APIResponse(responseCode = "404", description = "Webhook inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        webhooks.delete(caller(security), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secrets")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Nouveau secret d'un webhook",
            description = "Le nouveau secret est affiché une seule fois ; les précédents signent encore pendant 24 heures "
                    + "(l'en-tête webhook-signature porte alors plusieurs signatures).")
    @APIResponse(responseCode = "404", description = "Webhook inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response rotate(@PathParam("id") String id, @Context SecurityContext security) {
        String secret = webhooks.rotate(caller(security), id);
        return Response.status(201).type(Json.UTF8_JSON).entity(Json.write(Map.of("secret", secret))).build();
    }

    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Renvoyer les événements depuis une date",
            description = "Corps : {\"from\": \"2026-05-01\"} (ou un instant ISO 8601). Réactive le webhook s'il était désactivé.")
    @APIResponse(responseCode = "404", description = "Webhook inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Date invalide", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response replay(@PathParam("id") String id, InputStream body, @Context SecurityContext security) {
        BodyFields in = new BodyFields(JsonBodies.object(JsonBodies.readLimited(body)), Set.of("from"));
        String text = in.text("from", 40, true);
        Instant from = null;
        if (text != null) {
            from = instant(text);
            if (from == null) {
                in.error("from", "Date attendue au format ISO 8601 (2026-05-01 ou 2026-05-01T08:00:00Z).");
            }
        }
        in.done("Le renvoi");
        int planned = webhooks.replay(caller(security), id, from);
        return Json.ok(Map.of("planned", planned));
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay(PARIS).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
