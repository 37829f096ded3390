package fr.repere.web.api.directory;

import fr.repere.identity.Role;
import fr.repere.web.api.Json;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.Caller;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

/** The team lead's view of the team's unmet needs. */
@Path("v1/team/unmet-needs")
@RequestScoped
@Allowed(Role.TEAM_LEAD)
@Tag(name = "Annuaire des lieux")
public class UnmetNeedsResource {

    @Inject
    private PlaceSearch search;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Besoins non couverts de l'équipe",
            description = "Les besoins pour lesquels aucun lieu du territoire de la personne n'a été trouvé, comptés par service et "
                    + "par commune (avec intercommunalité et département), avec les diagnostics concernés (de l'équipe seulement). "
                    + "La consultation est journalisée pour chaque diagnostic.")
    @APIResponse(responseCode = "200", description = "Les besoins non couverts",
            content = @Content(schema = @Schema(implementation = UnmetNeedsView.class)))
    public Response unmetNeeds(@Context SecurityContext security) {
        return Json.ok(search.unmetNeeds((Caller) security.getUserPrincipal()));
    }
}
