package fr.repere.web.api.caf;

import fr.repere.identity.Role;
import fr.repere.web.api.Json;
import fr.repere.web.security.Allowed;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Whether the CAF may be asked here, and the link to CDAP (« CAF Pro »), which has no API: for the UI. */
@Path("v1/caf")
@RequestScoped
@Allowed({Role.WORKER, Role.TEAM_LEAD})
@Tag(name = "CAF")
public class CafSettingsResource {

    @Inject
    private CafSettings settings;

    public record SettingsView(boolean enabled, String cdapUrl) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "La consultation CAF est-elle activée ?", description = "Et le lien vers CDAP (« CAF Pro »), qui n'a pas d'API.")
    public Response settings() {
        return Json.ok(new SettingsView(settings.enabled(), settings.cdapUrl().orElse(null)));
    }
}
