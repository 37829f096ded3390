package fr.repere.web.api.administration;

import fr.repere.host.HostAdministration;
import fr.repere.host.HostRegistration;
import fr.repere.identity.Role;
import fr.repere.web.api.BodyFields;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.Caller;
import fr.repere.web.security.PublicBaseUrl;
import fr.repere.web.security.launch.LaunchKeys;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * The host systems registered for signed launches by the organisation's administrators. Repère
 * gives each its audience ({@code clientId}) and tells where to post launches ({@code launchUrl}).
 */
@Path("v1/admin/hosts")
@RequestScoped
@Allowed(Role.ADMIN)
@Tag(name = "Administration")
public class HostRegistrationResource {

    @Inject
    private Hosts hosts;

    @Context
    private UriInfo uri;

    /**
     * A registration as its administrators read it.
     *
     * @param clientId  the {@code aud} of its launches
     * @param launchUrl where its page posts {@code id_token}
     */
    public record HostView(String id, String label, String issuer, String clientId, String origin, List<String> deploymentIds,
                           List<String> teams, String createdAt, String launchUrl, JsonObject jwks, String jwksUri) {
    }

    private HostView view(HostRegistration r) {
        URI repere = PublicBaseUrl.configured().orElse(uri.getBaseUri().resolve("/"));
        return new HostView(r.id(), r.label(), r.issuer(), r.clientId(), r.origin(), r.deploymentIds(), r.teams(),
                r.createdAt().toString(), repere.resolve("/launch").toString(),
                r.jwks() == null ? null : jakarta.json.Json.createReader(new java.io.StringReader(r.jwks())).readObject(), r.jwksUri());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Logiciels métier enregistrés pour l'ouverture signée")
    public Response list(@Context SecurityContext security) {
        return Json.ok(hosts.registrations(caller(security)).stream().map(this::view).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enregistrer un logiciel métier pour l'ouverture signée",
            description = "Corps : {\"label\": \"Solis (CCAS)\", \"issuer\": \"https://solis.exemple.fr\", \"origin\": "
                    + "\"https://solis.exemple.fr\", \"deploymentIds\": [\"ccas-1\"], \"jwks\": {\"keys\": [clé publique EC P-256 "
                    + "ou RSA ≥ 2048 bits, avec kid]} ou \"jwksUri\": \"https://solis.exemple.fr/jwks.json\", \"teams\": "
                    + "[équipes ouvertes ; aucune : toutes]}. La réponse donne le "
                    + "clientId (aud des jetons) et l'adresse d'ouverture.")
    @APIResponse(responseCode = "201", description = "Logiciel enregistré")
    @APIResponse(responseCode = "400", description = "Requête mal formée ou clés refusées", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Adresse refusée ou équipe inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(InputStream body, @Context SecurityContext security) {
        BodyFields in = new BodyFields(JsonBodies.object(JsonBodies.readLimited(body)),
                Set.of("label", "issuer", "origin", "deploymentIds", "jwks", "jwksUri", "teams"));
        String label = in.text("label", 120, true);
        String issuer = in.text("issuer", 255, true);
        String origin = in.text("origin", 255, true);
        List<String> deployments = in.texts("deploymentIds", 255, null);
        List<String> teams = in.texts("teams", 36, null);
        String jwksUri = in.text("jwksUri", 2000, false);
        JsonObject jwks = in.json("jwks", false);
        String keys = null;
        if (jwks != null) {
            try {
                keys = LaunchKeys.publicKeySet(jwks.toString());
            } catch (IllegalArgumentException e) {
                in.error("jwks", e.getMessage());
            }
        }
        in.done("Le logiciel métier");
        HostRegistration r = hosts.register(caller(security),
                new HostAdministration.Request(label, issuer, origin, keys, jwksUri, deployments, teams));
        return Json.created(uri.getAbsolutePathBuilder().path(r.id()).build().toString(), view(r));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Retirer un logiciel métier", description = "Ses ouvertures signées sont refusées dès maintenant.")
    @APIResponse(responseCode = "204", description = "Logiciel retiré")
    @APIResponse(responseCode = "404", description = "Logiciel inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response remove(@PathParam("id") String id, @Context SecurityContext security) {
        hosts.remove(caller(security), id);
        return Response.noContent().build();
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
