package fr.repere.web.api.administration;

import fr.repere.identity.Agent;
import fr.repere.identity.HostCredential;
import fr.repere.identity.Role;
import fr.repere.identity.Team;
import fr.repere.web.api.BodyFields;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.Caller;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;

/**
 * What an administrator manages in the organisation: teams, accounts (created, moved, deactivated)
 * and the keys of host systems. An administrator reads no dossier.
 */
@Path("v1/admin")
@RequestScoped
@Allowed(Role.ADMIN)
@Tag(name = "Administration")
public class AdministrationResource {

    @Inject
    private Administration administration;

    @Context
    private UriInfo uri;

    public record TeamView(String id, String name) {
        static TeamView of(Team t) {
            return new TeamView(t.id(), t.name());
        }
    }

    public record AgentView(String id, String displayName, String email, String role, String roleLabel, String team,
                            boolean active) {
        static AgentView of(Agent a) {
            return new AgentView(a.id(), a.displayName(), a.email(), a.role().name(), a.role().label(), a.team(), a.active());
        }
    }

    /** A key; {@code teams}: the teams it is restricted to, empty when it reads every team of the organisation. */
    public record HostKeyView(String id, String label, String createdAt, String revokedAt, List<String> teams) {
        static HostKeyView of(HostCredential c) {
            return new HostKeyView(c.id(), c.label(), c.createdAt().toString(), c.revokedAt().map(Object::toString).orElse(null),
                    c.teams());
        }
    }

    /** A new key: {@code key} is shown this once, Repère keeps only its hash. */
    public record IssuedKeyView(String id, String label, String createdAt, String key, List<String> teams) {
    }

    @GET
    @Path("teams")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Équipes de l'organisation")
    public Response teams(@Context SecurityContext security) {
        return Json.ok(administration.teams(caller(security)).stream().map(TeamView::of).toList());
    }

    @POST
    @Path("teams")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Créer une équipe", description = "Corps : {\"name\": \"Équipe RSA Nord\"}.")
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response createTeam(InputStream body, @Context SecurityContext security) {
        BodyFields in = new BodyFields(JsonBodies.object(JsonBodies.readLimited(body)), java.util.Set.of("name"));
        String name = in.text("name", Team.MAX_NAME, true);
        in.done("L'équipe");
        Team team = administration.createTeam(caller(security), name);
        return Json.created(uri.getAbsolutePathBuilder().path(team.id()).build().toString(), TeamView.of(team));
    }

    @GET
    @Path("agents")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comptes de l'organisation")
    public Response agents(@Context SecurityContext security) {
        return Json.ok(administration.agents(caller(security)).stream().map(AgentView::of).toList());
    }

    @POST
    @Path("agents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Créer un compte",
            description = "Le compte se connecte avec ProConnect (rapproché par son adresse e-mail professionnelle).")
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Adresse déjà utilisée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Équipe inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response createAgent(InputStream body, @Context SecurityContext security) {
        AgentRequest request = AgentRequest.from(JsonBodies.object(JsonBodies.readLimited(body)));
        Agent agent = administration.createAgent(caller(security), request);
        return Json.created(uri.getAbsolutePathBuilder().path(agent.id()).build().toString(), AgentView.of(agent));
    }

    @PATCH
    @Path("agents/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Modifier ou désactiver un compte",
            description = "Champs facultatifs active, role, team. Désactiver un compte met fin à ses sessions.")
    @APIResponse(responseCode = "404", description = "Compte inconnu", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Modification impossible", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response changeAgent(@PathParam("id") String id, InputStream body, @Context SecurityContext security) {
        AgentChange change = AgentChange.from(JsonBodies.object(JsonBodies.readLimited(body)));
        return Json.ok(AgentView.of(administration.changeAgent(caller(security), id, change)));
    }

    @GET
    @Path("host-keys")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Clés des logiciels métier", description = "Les clés elles-mêmes ne sont jamais réaffichées.")
    public Response hostKeys(@Context SecurityContext security) {
        List<HostKeyView> keys = administration.hostKeys(caller(security)).stream().map(HostKeyView::of).toList();
        return Json.ok(keys);
    }

    @POST
    @Path("host-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Créer une clé de logiciel métier",
            description = "Corps : {\"label\": \"Logiciel de suivi du CCAS\"}, et facultativement \"teams\": [identifiants "
                    + "d'équipes de l'organisation] pour que la clé ne lise que les dossiers de ces équipes (sans « teams » : toutes "
                    + "les équipes de l'organisation). La clé est affichée une seule fois ; le logiciel l'envoie dans l'en-tête "
                    + "Authorization: Bearer.")
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Équipe inconnue dans l'organisation", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response issueHostKey(InputStream body, @Context SecurityContext security) {
        BodyFields in = new BodyFields(JsonBodies.object(JsonBodies.readLimited(body)), java.util.Set.of("label", "teams"));
        String label = in.text("label", HostCredential.MAX_LABEL, true);
        List<String> teams = in.texts("teams", 36, null);
        in.done("La clé");
        HostCredential.Issued issued = administration.issueHostKey(caller(security), label, teams.stream().distinct().toList());
        HostCredential c = issued.credential();
        return Json.created(uri.getAbsolutePathBuilder().path(c.id()).build().toString(),
                new IssuedKeyView(c.id(), c.label(), c.createdAt().toString(), issued.key(), c.teams()));
    }

    @DELETE
    @Path("host-keys/{id}")
    @Operation(summary = "Révoquer une clé de logiciel métier")
    @APIResponse(responseCode = "204", description = "Clé révoquée")
    @APIResponse(responseCode = "404", description = "Clé inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response revokeHostKey(@PathParam("id") String id, @Context SecurityContext security) {
        administration.revokeHostKey(caller(security), id);
        return Response.noContent().build();
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
