package fr.repere.web.api.directory;

import fr.repere.identity.Role;
import fr.repere.web.api.Json;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.Caller;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One place of the caller's organisation's directory, every field of the national schema (for the
 * place's page and the referral slip); another organisation's place is unknown (404).
 */
@Path("v1/places")
@RequestScoped
@Allowed({Role.WORKER, Role.TEAM_LEAD, Role.ADMIN})
@Tag(name = "Annuaire des lieux")
public class PlaceResource {

    @Inject
    private PlaceSearch search;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lire un lieu de l'annuaire")
    @APIResponse(responseCode = "200", description = "Le lieu", content = @Content(schema = @Schema(implementation = PlaceView.class)))
    @APIResponse(responseCode = "404", description = "Lieu introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response find(@PathParam("id") String id, @Context SecurityContext security) {
        return Json.ok(search.place((Caller) security.getUserPrincipal(), id).orElseThrow(() -> new ProblemException(Problem.of("not-found", "Lieu introuvable", 404,
                "Aucun lieu de l'annuaire n'a cet identifiant."))));
    }
}
