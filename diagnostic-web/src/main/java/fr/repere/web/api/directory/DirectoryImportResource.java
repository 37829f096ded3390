package fr.repere.web.api.directory;

import fr.repere.directory.DirectoryImport;
import fr.repere.identity.Role;
import fr.repere.web.api.Json;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.Caller;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Imports of the directory of places, for administrators: a CSV file in the national format is
 * sent as the request body (or as the file part of a form); the import runs as a job that the
 * administrator follows until it ends, with its report. The places go to the directory of the
 * administrator's organisation; another organisation's import is answered as unknown (404).
 */
@Path("v1/directory/imports")
@RequestScoped
@Allowed(Role.ADMIN)
@Tag(name = "Annuaire des lieux")
public class DirectoryImportResource {

    @Inject
    private DirectoryImports imports;

    @Inject
    private ImportSteps steps;

    @Context
    private UriInfo uri;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Importer un fichier de lieux (format national)",
            description = "Le corps est le fichier CSV au format national des lieux de médiation numérique (UTF-8 avec ou sans BOM, "
                    + "ou Latin-1 ; séparateur virgule ou point-virgule), ou un formulaire multipart dont la partie « fichier » est ce "
                    + "fichier. L'import se poursuit en tâche de fond : suivre sa progression et son rapport à l'adresse renvoyée. "
                    + "Un fichier qui contient des lignes en erreur n'importe rien, sauf avec importValidLines=true.")
    @APIResponse(responseCode = "202", description = "Import commencé",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "413", description = "Fichier trop volumineux", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Ce n'est pas un fichier au format national", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response importFile(@Parameter(description = "true : importer les lignes valides même si d'autres sont en erreur")
                               @QueryParam("importValidLines") boolean importValidLines,
                               InputStream body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        return started(caller, imports.start(caller, body, importValidLines));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importForm(@QueryParam("importValidLines") boolean importValidLines, List<EntityPart> parts,
                               @Context SecurityContext security) {
        EntityPart file = parts.stream().filter(p -> p.getFileName().isPresent() || p.getName().equals("fichier"))
                .findFirst().orElseThrow(() -> new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400,
                        "Le formulaire doit contenir le fichier à importer (partie « fichier »).")));
        boolean validLines = importValidLines || parts.stream().filter(p -> p.getName().equals("importValidLines"))
                .anyMatch(p -> text(p).equals("true"));
        try (InputStream in = file.getContent()) {
            Caller caller = (Caller) security.getUserPrincipal();
            return started(caller, imports.start(caller, in, validLines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suivre un import : progression et rapport",
            description = "Le rapport donne, pour chaque problème, la ligne du fichier (1 = ligne des noms de colonnes), la colonne, "
                    + "la valeur trouvée et ce qui ne va pas. Les 1 000 premiers problèmes sont détaillés, tous sont comptés.")
    @APIResponse(responseCode = "200", description = "L'import",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "404", description = "Import introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response find(@PathParam("id") String id, @Context SecurityContext security) {
        return Json.ok(steps.view((Caller) security.getUserPrincipal(), id).orElseThrow(() -> new ProblemException(Problem.of("not-found", "Import introuvable",
                404, "Aucun import ne correspond à cet identifiant."))));
    }

    private Response started(Caller caller, DirectoryImport started) {
        ImportView view = steps.view(caller, started.id()).orElseThrow();
        return Response.accepted(Json.write(view)).type(Json.UTF8_JSON).header("Cache-Control", "no-store")
                .location(uri.getAbsolutePathBuilder().path(started.id()).build()).build();
    }

    private static String text(EntityPart part) {
        try {
            return part.getContent(String.class).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
