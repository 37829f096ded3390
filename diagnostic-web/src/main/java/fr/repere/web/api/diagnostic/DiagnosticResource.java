package fr.repere.web.api.diagnostic;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.web.api.AnswersRequest;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.idempotency.Idempotency;
import fr.repere.web.api.idempotency.StoredResponse;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Caller;

import fr.repere.identity.Role;
import fr.repere.web.security.Allowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/** Diagnostics: take one with the current questionnaire, read one back. */
@Path("v1/diagnostics")
@RequestScoped
@Allowed({Role.WORKER, Role.TEAM_LEAD})
@Tag(name = "Diagnostics")
public class DiagnosticResource {

    @Inject
    private DiagnosticRegister register;

    @Inject
    private Idempotency idempotency;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Réaliser un diagnostic",
            description = "Enregistre les réponses au questionnaire courant, calcule les scores et propose une orientation expliquée.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnswersRequest.class)))
    @APIResponse(responseCode = "201", description = "Diagnostic enregistré",
            content = @Content(schema = @Schema(implementation = DiagnosticView.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Requête de même clé d'idempotence en cours", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Requête trop volumineuse", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Réponses non valides, ou clé d'idempotence réutilisée pour une autre requête",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response take(@Parameter(description = "Clé d'idempotence (brouillon IETF httpapi) : un nouvel essai avec la même clé renvoie la première réponse.")
                         @HeaderParam("Idempotency-Key") String key,
                         InputStream body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        byte[] bytes = JsonBodies.readLimited(body);
        AnswersRequest request = AnswersRequest.forDiagnostic(JsonBodies.object(bytes));
        return idempotency.execute(caller.agentId(), key, "POST", uri.getRequestUri().getRawPath(), bytes, () -> {
            Diagnostic d = register.take(caller, request.caseRef(), request.toCommand().answers());
            String location = uri.getAbsolutePathBuilder().path(d.id().value()).build().toString();
            return new StoredResponse(201, location, Json.write(DiagnosticView.of(d)));
        });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lire un diagnostic")
    @APIResponse(responseCode = "200", description = "Le diagnostic",
            content = @Content(schema = @Schema(implementation = DiagnosticView.class)))
    @APIResponse(responseCode = "404", description = "Diagnostic introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response find(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        Diagnostic d = DiagnosticId.parse(id).flatMap(i -> register.find(caller, i)).orElseThrow(DiagnosticResource::notFound);
        return Json.ok(DiagnosticView.of(d));
    }

    @PUT
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Valider ou modifier l'orientation proposée",
            description = "Le travailleur social accepte la proposition, ou choisit une autre orientation ou d'autres actions en indiquant obligatoirement le motif. La proposition et la décision sont conservées.")
    @APIResponse(responseCode = "200", description = "Décision enregistrée",
            content = @Content(schema = @Schema(implementation = DiagnosticView.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Diagnostic introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Motif manquant pour une modification", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response decide(@PathParam("id") String id, InputStream body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        DecisionRequest decision = DecisionRequest.from(JsonBodies.object(JsonBodies.readLimited(body)));
        Diagnostic d = DiagnosticId.parse(id).flatMap(i -> register.decide(caller, i, decision))
                .orElseThrow(DiagnosticResource::notFound);
        return Json.ok(DiagnosticView.of(d));
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of("not-found", "Diagnostic introuvable", 404,
                "Aucun diagnostic ne correspond à cet identifiant."));
    }
}
