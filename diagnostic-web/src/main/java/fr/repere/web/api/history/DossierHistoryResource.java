package fr.repere.web.api.history;

import fr.repere.dossier.CaseReference;
import fr.repere.identity.Role;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.Caller;

import jakarta.inject.Inject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;

/**
 * A person's dossier over time, for the worker's team: the case reference travels in the body (a
 * POST that changes nothing), never in the URL, so it stays out of logs and browser history.
 */
@Path("v1/dossiers/history")
@RequestScoped
@Allowed({Role.WORKER, Role.TEAM_LEAD})
@Tag(name = "Dossier")
public class DossierHistoryResource {

    @Inject
    private DossierHistory history;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Parcours d'une personne",
            description = "Corps : {\"caseRef\": \"référence du dossier\"}. Les diagnostics du dossier dans l'équipe, du plus ancien au plus récent, "
                    + "l'évolution par dimension entre les deux derniers, et les entretiens en cours.")
    @APIResponse(responseCode = "200", description = "Le parcours (vide si l'équipe n'a rien pour ce dossier)",
            content = @Content(schema = @Schema(implementation = HistoryView.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response history(InputStream body, @Context SecurityContext security) {
        String caseRef = caseRef(JsonBodies.object(JsonBodies.readLimited(body)));
        return Json.ok(history.of((Caller) security.getUserPrincipal(), caseRef));
    }

    private static String caseRef(JsonObject json) {
        if (json.size() == 1 && json.get("caseRef") instanceof JsonString s && CaseReference.isValid(s.getString())) {
            return s.getString();
        }
        throw new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400,
                "Corps attendu : {\"caseRef\": \"…\"}.")
                .withErrors(List.of(new Problem.FieldError("/caseRef",
                        "Référence de dossier : " + CaseReference.RULE))));
    }
}
