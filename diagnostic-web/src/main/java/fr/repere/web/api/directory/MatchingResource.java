package fr.repere.web.api.directory;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.identity.Role;
import fr.repere.territory.Geography;
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

import java.io.InputStream;

/** The places proposed for the needs of a diagnostic, given the person's commune. */
@Path("v1/diagnostics/{id}/places")
@RequestScoped
@Allowed({Role.WORKER, Role.TEAM_LEAD})
@Tag(name = "Annuaire des lieux")
public class MatchingResource {

    @Inject
    private PlaceSearch search;

    @Inject
    private Geography geography;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Proposer des lieux pour les besoins d'un diagnostic",
            description = "Corps : {\"commune\": code INSEE de la commune de la personne}, et facultativement latitude et longitude "
                    + "du point de départ (jamais enregistrés) et limit (lieux par besoin, 10 par défaut). Pour chaque besoin, les "
                    + "lieux qui proposent le service et la prise en charge spécifique nécessaires, de la commune d'abord, puis de "
                    + "l'intercommunalité, puis du département ; gratuits d'abord ; avec les raisons du choix. Un besoin qu'aucun "
                    + "lieu ne couvre est enregistré comme non couvert. La commune est conservée sur le diagnostic (statistiques).")
    @APIResponse(responseCode = "200", description = "Les lieux proposés, besoin par besoin",
            content = @Content(schema = @Schema(implementation = MatchingView.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée ou commune inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Diagnostic introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response places(@PathParam("id") String id, InputStream body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        PlacesRequest request = PlacesRequest.from(JsonBodies.object(JsonBodies.readLimited(body)), geography);
        return Json.ok(DiagnosticId.parse(id).flatMap(i -> search.placesFor(caller, i, request))
                .orElseThrow(() -> new ProblemException(Problem.of("not-found", "Diagnostic introuvable", 404,
                        "Aucun diagnostic ne correspond à cet identifiant."))));
    }
}
