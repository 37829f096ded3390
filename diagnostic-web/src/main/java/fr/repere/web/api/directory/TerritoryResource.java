package fr.repere.web.api.directory;

import fr.repere.identity.Role;
import fr.repere.territory.Geography;
import fr.repere.web.security.Allowed;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Communes for search boxes. No personal data, but open to agents only (any role): the data are
 * public anyway, the endpoint need not be.
 */
@Path("v1/territories/communes")
@RequestScoped
@Allowed({Role.WORKER, Role.TEAM_LEAD, Role.ANALYST, Role.ADMIN})
@Tag(name = "Annuaire des lieux")
public class TerritoryResource {

    @Inject
    private Geography geography;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Chercher une commune",
            description = "Par le début de son nom (sans tenir compte des accents ni des majuscules), son code postal ou son code INSEE. "
                    + "Chaque commune vient avec son intercommunalité (EPCI) et son département.")
    public Response search(@Parameter(description = "nom, code postal ou code INSEE") @QueryParam("q") String q,
                           @Parameter(description = "nombre de communes, 20 par défaut, 100 au plus")
                           @QueryParam("limit") @DefaultValue("20") int limit) {
        List<CommuneView> found = geography.search(q, Math.max(1, Math.min(100, limit))).stream().map(CommuneView::of).toList();
        return Response.ok(fr.repere.web.api.Json.write(found), fr.repere.web.api.Json.UTF8_JSON)
                .header("Cache-Control", "private, max-age=3600").build();
    }
}
