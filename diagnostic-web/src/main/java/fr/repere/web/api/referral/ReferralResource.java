package fr.repere.web.api.referral;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.identity.Role;
import fr.repere.journal.JournalAction;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralId;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.print.ReferralSlip;
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

import java.io.InputStream;
import java.util.List;

/** Referrals of a person to a place: make one, follow it (Dora's statuses), print the slip. */
@Path("v1/referrals")
@RequestScoped
@Allowed({Role.WORKER, Role.TEAM_LEAD})
@Tag(name = "Orientations")
public class ReferralResource {

    @Inject
    private ReferralRegister register;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Orienter la personne vers un lieu",
            description = "Crée une orientation « Ouverte / En cours de traitement » à partir d'un diagnostic de l'équipe, "
                    + "avec une copie de ce que la fiche d'orientation doit dire du lieu (champs du schéma national des lieux "
                    + "de médiation numérique : id, nom, adresse, complement_adresse, code_postal, commune, horaires, "
                    + "telephone, courriels, modalites_acces) et ce que la personne doit apporter.")
    @APIResponse(responseCode = "201", description = "Orientation créée",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Diagnostic introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response make(InputStream body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        ReferralRequest request = ReferralRequest.from(JsonBodies.object(JsonBodies.readLimited(body)));
        Referral r = register.make(caller, request).orElseThrow(ReferralResource::diagnosticNotFound);
        return Json.created(uri.getAbsolutePathBuilder().path(r.id().value()).build().toString(), ReferralView.of(r));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Orientations d'un diagnostic", description = "Les orientations faites à partir d'un diagnostic de l'équipe, de la plus ancienne à la plus récente.")
    @APIResponse(responseCode = "200", description = "Les orientations")
    @APIResponse(responseCode = "400", description = "Paramètre diagnostic manquant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Diagnostic introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response ofDiagnostic(@Parameter(description = "Identifiant du diagnostic") @QueryParam("diagnostic") String diagnostic,
                                 @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (diagnostic == null) {
            throw JsonBodies.malformed("Indiquez le diagnostic : ?diagnostic=<identifiant>.");
        }
        List<Referral> referrals = DiagnosticId.parse(diagnostic).flatMap(d -> register.ofDiagnostic(caller, d))
                .orElseThrow(ReferralResource::diagnosticNotFound);
        return Json.ok(referrals.stream().map(ReferralView::of).toList());
    }

    @GET
    @Path("reminders")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Orientations à relancer",
            description = "Les orientations faites par l'agent connecté restées sans réponse du lieu " + Referral.REMINDER_DAYS + " jours après leur envoi "
                    + "(relance) et toujours ouvertes ; elles expirent " + Referral.EXPIRY_DAYS + " jours après l'envoi.")
    @APIResponse(responseCode = "200", description = "Les orientations à relancer")
    public Response reminders(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        return Json.ok(register.reminders(caller).stream().map(ReferralView::of).toList());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lire une orientation", description = "Statut, lieu, historique des changements de statut.")
    @APIResponse(responseCode = "200", description = "L'orientation",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "Orientation introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response find(@PathParam("id") String id, @Context SecurityContext security) {
        return Json.ok(ReferralView.of(referral(id, security, JournalAction.REFERRAL_READ)));
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changer le statut d'une orientation",
            description = "Enregistre la réponse du lieu (ACCEPTED « Validée », REFUSED « Refusée » avec un motif obligatoire) "
                    + "ou la venue de la personne (COMPLETED « Réalisée »). Une orientation refusée, expirée ou réalisée ne change "
                    + "plus ; l'expiration (EXPIRED) est faite par Repère " + Referral.EXPIRY_DAYS + " jours après l'envoi.")
    @APIResponse(responseCode = "200", description = "Statut enregistré",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Orientation introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changement de statut impossible depuis le statut actuel",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Motif du refus manquant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response changeStatus(@PathParam("id") String id, InputStream body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        StatusRequest change = StatusRequest.from(JsonBodies.object(JsonBodies.readLimited(body)));
        Referral r = ReferralId.parse(id).flatMap(i -> register.changeStatus(caller, i, change))
                .orElseThrow(ReferralResource::notFound);
        return Json.ok(ReferralView.of(r));
    }

    @GET
    @Path("{id}/slip")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Fiche d'orientation imprimable",
            description = "Page HTML en français, à imprimer (A4, gros caractères) et à remettre à la personne : nom, adresse, "
                    + "horaires, comment prendre contact, quoi apporter. Rien sur la personne.")
    @APIResponse(responseCode = "200", description = "La fiche", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "Orientation introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response slip(@PathParam("id") String id, @Context SecurityContext security) {
        return ReferralSlip.of(referral(id, security, JournalAction.REFERRAL_PRINT));
    }

    private Referral referral(String id, SecurityContext security, JournalAction why) {
        Caller caller = (Caller) security.getUserPrincipal();
        return ReferralId.parse(id).flatMap(i -> register.find(caller, i, why)).orElseThrow(ReferralResource::notFound);
    }

    static ProblemException notFound() {
        return new ProblemException(Problem.of("not-found", "Orientation introuvable", 404,
                "Aucune orientation ne correspond à cet identifiant."));
    }

    static ProblemException diagnosticNotFound() {
        return new ProblemException(Problem.of("not-found", "Diagnostic introuvable", 404,
                "Aucun diagnostic ne correspond à cet identifiant."));
    }
}
