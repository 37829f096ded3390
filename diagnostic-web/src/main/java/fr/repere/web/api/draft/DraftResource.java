package fr.repere.web.api.draft;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.UnknownDraftException;
import fr.repere.web.api.AnswersRequest;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.Json;
import fr.repere.web.api.diagnostic.DiagnosticRegister;
import fr.repere.web.api.diagnostic.DiagnosticView;
import fr.repere.web.api.idempotency.Idempotency;
import fr.repere.web.api.idempotency.StoredResponse;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.security.Caller;

import fr.repere.identity.Role;
import fr.repere.web.security.Allowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.Optional;

/**
 * Interviews saved as they go: a tablet records each answer as it is given, the interview can be
 * resumed later, and the draft becomes a diagnostic of the same id once every required answer is
 * in.
 */
@Path("v1/drafts")
@RequestScoped
@Allowed({Role.WORKER, Role.TEAM_LEAD})
@Tag(name = "Brouillons d'entretien")
public class DraftResource {

    @Inject
    private InterviewRegister interviews;

    @Inject
    private DiagnosticRegister diagnostics;

    @Inject
    private Idempotency idempotency;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Commencer un entretien", description = "Crée un brouillon avec le questionnaire courant, éventuellement avec de premières réponses. "
            + "« consent »: true est obligatoire : la personne a entendu la notice d'information et accepte l'entretien ; l'heure est enregistrée.")
    @APIResponse(responseCode = "201", description = "Brouillon créé", content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Consentement non donné, ou réponses non valides", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response start(@HeaderParam("Idempotency-Key") String key, InputStream body,
                          @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        byte[] bytes = JsonBodies.readLimited(body);
        jakarta.json.JsonObject json = JsonBodies.object(bytes);
        AnswersRequest request = AnswersRequest.forNewDraft(Consent.without(json));
        Consent.require(json);
        return idempotency.execute(caller.agentId(), key, "POST", uri.getRequestUri().getRawPath(), bytes, () -> {
            DraftView draft = interviews.start(caller, request.caseRef(), request.answers());
            return new StoredResponse(201, uri.getAbsolutePathBuilder().path(draft.id()).build().toString(), Json.write(draft));
        });
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reprendre un entretien")
    @APIResponse(responseCode = "200", description = "Le brouillon", content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "404", description = "Brouillon introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response find(@PathParam("id") String id, @Context SecurityContext security) {
        return Json.ok(interviews.find((Caller) security.getUserPrincipal(), draftId(id)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enregistrer des réponses",
            description = "Enregistre les réponses données (null efface une réponse). Les réponses que les règles d'affichage masquent désormais sont retirées et listées dans « dropped ».")
    @APIResponse(responseCode = "200", description = "Le brouillon à jour", content = @Content(schema = @Schema(implementation = DraftView.class)))
    @APIResponse(responseCode = "404", description = "Brouillon introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Brouillon modifié en même temps ailleurs", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Réponse à une question masquée ou inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response answer(@PathParam("id") String id, InputStream body, @Context SecurityContext security) {
        AnswersRequest request = AnswersRequest.forDraftChange(JsonBodies.object(JsonBodies.readLimited(body)));
        return Json.ok(interviews.answer((Caller) security.getUserPrincipal(), draftId(id), request.answers()));
    }

    @POST
    @Path("{id}/diagnostic")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Terminer l'entretien", description = "Transforme le brouillon complet en diagnostic du même identifiant. Un nouvel essai après succès renvoie le diagnostic (200).")
    @APIResponse(responseCode = "201", description = "Diagnostic enregistré", content = @Content(schema = @Schema(implementation = DiagnosticView.class)))
    @APIResponse(responseCode = "200", description = "Déjà terminé : le diagnostic", content = @Content(schema = @Schema(implementation = DiagnosticView.class)))
    @APIResponse(responseCode = "404", description = "Brouillon introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Réponses obligatoires manquantes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response complete(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        DiagnosticId draftId = draftId(id);
        String location = uri.getBaseUriBuilder().path("v1/diagnostics").path(id).build().toString();
        try {
            Diagnostic d = interviews.complete(caller, draftId);
            return Json.created(location, DiagnosticView.of(d));
        } catch (UnknownDraftException gone) {
            // a retry after a lost response: the draft already became this diagnostic
            Optional<Diagnostic> done = diagnostics.find(caller, draftId);
            if (done.isEmpty()) {
                throw gone;
            }
            return Response.fromResponse(Json.ok(DiagnosticView.of(done.get()))).header("Content-Location", location).build();
        }
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Abandonner l'entretien", description = "Supprime le brouillon et ses réponses.")
    @APIResponse(responseCode = "204", description = "Brouillon supprimé")
    @APIResponse(responseCode = "404", description = "Brouillon introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response abandon(@PathParam("id") String id, @Context SecurityContext security) {
        interviews.abandon((Caller) security.getUserPrincipal(), draftId(id));
        return Response.noContent().build();
    }

    private static DiagnosticId draftId(String id) {
        return DiagnosticId.parse(id).orElseThrow(() -> new UnknownDraftException(new DiagnosticId(id)));
    }
}
