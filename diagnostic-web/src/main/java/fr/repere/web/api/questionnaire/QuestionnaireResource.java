package fr.repere.web.api.questionnaire;

import fr.repere.questionnaire.Questionnaire;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.web.api.Json;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;

import fr.repere.web.security.Public;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The questionnaire definitions. A published version never changes, so its representation is
 * cacheable and tagged with the version; "current" moves when a new version is published.
 */
@Path("v1/questionnaires")
@RequestScoped
@Public
@Tag(name = "Questionnaire")
public class QuestionnaireResource {

    @Inject
    private QuestionnaireCatalog catalog;

    @Context
    private Request request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Versions publiées du questionnaire")
    public List<String> versions() {
        return catalog.versions().stream().map(Questionnaire::version).toList();
    }

    @GET
    @Path("current")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Questionnaire courant", description = "Définition complète : libellés, conseils pour poser la question, réponses, règles d'affichage.")
    @APIResponse(responseCode = "200", description = "Le questionnaire courant", content = @Content(schema = @Schema(implementation = QuestionnaireView.class)))
    public Response current() {
        return definition(catalog.current(), "max-age=300");
    }

    @GET
    @Path("{version}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Une version du questionnaire")
    @APIResponse(responseCode = "200", description = "La version demandée", content = @Content(schema = @Schema(implementation = QuestionnaireView.class)))
    @APIResponse(responseCode = "404", description = "Version inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response version(@PathParam("version") String version) {
        Questionnaire q = catalog.version(version).orElseThrow(() -> new ProblemException(Problem.of("not-found",
                "Version du questionnaire inconnue", 404, "Aucune version publiée du questionnaire ne porte ce numéro.")));
        return definition(q, "max-age=86400, immutable");
    }

    private Response definition(Questionnaire q, String cacheControl) {
        EntityTag tag = new EntityTag("questionnaire-" + q.version());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).header("Cache-Control", cacheControl).build();
        }
        return Response.ok(Json.write(QuestionnaireView.of(q)), Json.UTF8_JSON).tag(tag)
                .header("Cache-Control", cacheControl).build();
    }
}
