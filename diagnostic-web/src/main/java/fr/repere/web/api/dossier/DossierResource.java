package fr.repere.web.api.dossier;

import fr.repere.dossier.DossierErasure;
import fr.repere.identity.Role;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.Caller;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/**
 * A person's rights on their dossier, exercised by a worker or team lead of the dossier's team:
 * export everything (access), erase (erasure). POST with the case reference in the body, so that
 * it appears in no URL, log or browser history.
 */
@Path("v1/dossiers")
@RequestScoped
@Allowed({Role.WORKER, Role.TEAM_LEAD})
@Tag(name = "Droits des personnes")
public class DossierResource {

    @Inject
    private DossierRegister register;

    @POST
    @Path("export")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exporter les données d'une personne",
            description = "Tout ce que Repère détient sur le dossier dans l'équipe : diagnostics (réponses avec les libellés, scores, proposition, décision), entretiens en cours et journal des accès. Journalisé.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseRequest.class)))
    @APIResponse(responseCode = "200", description = "Les données du dossier",
            content = @Content(schema = @Schema(implementation = DossierExport.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Dossier introuvable dans l'équipe", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response export(InputStream body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        CaseRequest request = CaseRequest.forExport(JsonBodies.object(JsonBodies.readLimited(body)));
        return Json.ok(register.export(caller, request.caseRef()).orElseThrow(DossierResource::notFound));
    }

    @POST
    @Path("erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Effacer les données d'une personne",
            description = "Supprime les diagnostics et entretiens en cours du dossier dans l'équipe, pour un motif codé (demande de la personne, opposition, erreur). Journalisé ; une seconde demande répond qu'il ne reste rien.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseRequest.class)))
    @APIResponse(responseCode = "200", description = "Effacement fait (ou rien à effacer)",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Dossier introuvable dans l'équipe", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response erase(InputStream body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        CaseRequest request = CaseRequest.forErasure(JsonBodies.object(JsonBodies.readLimited(body)));
        DossierErasure.Erased erased = register.erase(caller, request.caseRef(), request.reason())
                .orElseThrow(DossierResource::notFound);
        return Json.ok(ErasureView.of(erased));
    }

    /** The outcome of an erasure, with a sentence for the worker. */
    public record ErasureView(int erasedDiagnostics, int erasedDrafts, String detail) {
        static ErasureView of(DossierErasure.Erased erased) {
            return new ErasureView(erased.diagnostics(), erased.drafts(), erased.nothing()
                    ? "Rien à effacer : Repère ne détient plus de diagnostic ni d'entretien sur ce dossier (seul le journal des accès le mentionne encore, jusqu'à sa purge)."
                    : "Données du dossier effacées : " + erased.diagnostics() + " diagnostic(s) et " + erased.drafts()
                    + " entretien(s) en cours.");
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of("not-found", "Dossier introuvable", 404,
                "Aucun dossier de votre équipe ne porte cette référence."));
    }
}
