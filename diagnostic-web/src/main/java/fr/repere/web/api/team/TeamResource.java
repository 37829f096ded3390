package fr.repere.web.api.team;

import fr.repere.identity.Role;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralStatus;
import fr.repere.team.TeamFollowUp;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.Caller;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The team lead's view of the own team. Figures first ({@code dashboard}); each figure names the
 * address of its drill-down, which lists the dossiers (50 per page, {@code offset} for the next)
 * and journals each dossier shown.
 */
@Path("v1/team")
@RequestScoped
@Allowed(Role.TEAM_LEAD)
@Tag(name = "Tableau de bord d'équipe")
public class TeamResource {

    private static final int DEFAULT_DAYS = 90;

    @Inject
    private TeamDashboard dashboard;

    @GET
    @Path("dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Chiffres de l'équipe",
            description = "Orientations sans réponse depuis plus de " + Referral.REMINDER_DAYS + " jours ; orientations refusées et expirées, modifications "
                    + "de l'orientation proposée et mandats préparés sur la période (days, 90 jours par défaut) ; mandats qui "
                    + "expirent dans les " + TeamFollowUp.MANDATE_NOTICE_DAYS + " jours ; chiffres par travailleur social. Chaque chiffre donne l'adresse de sa liste de dossiers.")
    @APIResponse(responseCode = "200", description = "Les chiffres")
    @APIResponse(responseCode = "400", description = "Période non valide")
    public Response figures(@Parameter(description = "Période en jours (1 à 730)") @QueryParam("days") String days,
                            @Context SecurityContext security) {
        return Json.ok(dashboard.dashboard(caller(security), days(days)));
    }

    @GET
    @Path("referrals/waiting")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dossiers : orientations sans réponse depuis plus de " + Referral.REMINDER_DAYS + " jours", description = "De la plus ancienne à la plus récente.")
    @APIResponse(responseCode = "200", description = "Les dossiers")
    public Response waiting(@QueryParam("offset") String offset, @Context SecurityContext security) {
        return Json.ok(dashboard.waiting(caller(security), offset(offset)));
    }

    @GET
    @Path("referrals/refused")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dossiers : orientations refusées, avec le motif", description = "Refusées sur la période, de la plus récente à la plus ancienne.")
    @APIResponse(responseCode = "200", description = "Les dossiers")
    public Response refused(@QueryParam("days") String days, @QueryParam("offset") String offset, @Context SecurityContext security) {
        return Json.ok(dashboard.closed(caller(security), ReferralStatus.REFUSED, days(days), offset(offset)));
    }

    @GET
    @Path("referrals/expired")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dossiers : orientations expirées", description = "Expirées sur la période (sans réponse " + Referral.EXPIRY_DAYS + " jours après l'envoi).")
    @APIResponse(responseCode = "200", description = "Les dossiers")
    public Response expired(@QueryParam("days") String days, @QueryParam("offset") String offset, @Context SecurityContext security) {
        return Json.ok(dashboard.closed(caller(security), ReferralStatus.EXPIRED, days(days), offset(offset)));
    }

    @GET
    @Path("overrides")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dossiers : orientations proposées modifiées, avec le motif",
            description = "Diagnostics de la période dont la décision s'écarte de la proposition de la base de règles.")
    @APIResponse(responseCode = "200", description = "Les dossiers")
    public Response overrides(@QueryParam("days") String days, @QueryParam("offset") String offset, @Context SecurityContext security) {
        return Json.ok(dashboard.overrides(caller(security), days(days), offset(offset)));
    }

    @GET
    @Path("mandates/expiring")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dossiers : mandats qui expirent dans les " + TeamFollowUp.MANDATE_NOTICE_DAYS + " jours", description = "Mandats actifs, du plus proche de l'expiration au plus lointain.")
    @APIResponse(responseCode = "200", description = "Les dossiers")
    public Response expiringMandates(@QueryParam("offset") String offset, @Context SecurityContext security) {
        return Json.ok(dashboard.expiringMandates(caller(security), offset(offset)));
    }

    @GET
    @Path("workers/{id}/referrals")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dossiers : orientations d'un travailleur social de l'équipe", description = "Faites sur la période, de la plus récente à la plus ancienne.")
    @APIResponse(responseCode = "200", description = "Les dossiers")
    @APIResponse(responseCode = "404", description = "Agent introuvable dans l'équipe")
    public Response ofWorker(@PathParam("id") String agent, @QueryParam("days") String days, @QueryParam("offset") String offset,
                             @Context SecurityContext security) {
        return Json.ok(dashboard.ofWorker(caller(security), agent, days(days), offset(offset))
                .orElseThrow(() -> new ProblemException(Problem.of("not-found", "Agent introuvable", 404,
                        "Aucun agent de votre équipe ne correspond à cet identifiant."))));
    }

    private static int days(String text) {
        return bounded(text, DEFAULT_DAYS, 1, 730, "days", "La période (days) est un nombre de jours de 1 à 730.");
    }

    private static int offset(String text) {
        return bounded(text, 0, 0, 1_000_000, "offset", "Le décalage (offset) est un nombre positif.");
    }

    private static int bounded(String text, int fallback, int min, int max, String name, String detail) {
        if (text == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw JsonBodies.malformed(detail);
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }
}
