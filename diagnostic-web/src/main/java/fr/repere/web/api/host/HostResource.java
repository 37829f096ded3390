package fr.repere.web.api.host;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.dossier.CaseReference;
import fr.repere.host.HostCaseReading;
import fr.repere.host.HostRecordReading;
import fr.repere.mandate.Mandate;
import fr.repere.mandate.MandateId;
import fr.repere.referral.ReferralId;
import fr.repere.web.api.mandate.MandateView;
import fr.repere.web.api.referral.ReferralView;
import fr.repere.identity.Role;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.diagnostic.DiagnosticView;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.HostSystem;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;

/**
 * What the case-management software of an organisation reads with its key: the diagnostics of one
 * of its cases, in the teams of that organisation the key may read (all of them, or those of its
 * restriction). A case reference is a team's: two teams' dossiers under the same reference may be
 * two different people, so the answer is one entry per team, labelled with the team's id and name,
 * never one merged list. The case reference travels in the body, never in the URL; every
 * diagnostic read is journaled with the key as actor.
 */
@Path("v1/host")
@RequestScoped
@Allowed(Role.HOST)
@Tag(name = "Logiciel métier")
public class HostResource {


    /** One team's dossier of the case: its diagnostics, newest first. */
    public record CaseDossierView(String teamId, String teamName, String caseRef, List<DiagnosticView> diagnostics) {
    }

    @Inject
    private HostCaseReading reading;

    @Inject
    private HostRecordReading records;

    @Inject
    private JournalWriter journal;

    @Inject
    private Clock clock;

    @POST
    @Path("case-diagnostics")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Diagnostics d'un dossier du logiciel métier",
            description = "Corps : {\"caseRef\": \"référence du dossier dans le logiciel\"}. Réservé aux clés de logiciel métier ; "
                    + "seuls les dossiers des équipes de l'organisation de la clé sont lus (ou des seules équipes auxquelles la clé "
                    + "est restreinte). Réponse : un dossier par équipe qui en a un sous cette référence — teamId, teamName, caseRef, "
                    + "diagnostics (du plus récent au plus ancien) — jamais fusionnés : deux équipes peuvent suivre deux personnes "
                    + "différentes sous la même référence.")
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response caseDiagnostics(InputStream body, @Context SecurityContext security) {
        HostSystem host = (HostSystem) security.getUserPrincipal();
        String caseRef = body(JsonBodies.object(JsonBodies.readLimited(body)));
        HostCaseReading.CaseRead read = reading.ofCase(host.organisation(), host.teams(), caseRef);
        read.read().forEach(d -> journal.append(JournalEntry.dossierAction(clock.instant(), host.actor(),
                JournalAction.DIAGNOSTIC_READ, journal.dossier(d.team(), d.caseRef()), d.id().value())));
        List<CaseDossierView> dossiers = read.dossiers().stream()
                .map(t -> new CaseDossierView(t.team().id(), t.team().name(), caseRef,
                        t.diagnostics().stream().map(DiagnosticView::of).toList()))
                .toList();
        return Json.ok(dossiers);
    }

    @GET
    @Path("diagnostics/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Un diagnostic, par son identifiant (lien des événements)",
            description = "Réservé aux clés de logiciel métier : le diagnostic complet, s'il est d'une équipe que la clé peut "
                    + "lire (de son organisation, ou des seules équipes auxquelles elle est restreinte) ; sinon 404, comme "
                    + "s'il n'existait pas. C'est le lien `links.diagnostic` des événements. Chaque lecture est journalisée.")
    @APIResponse(responseCode = "404", description = "Diagnostic introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response diagnostic(@PathParam("id") String id, @Context SecurityContext security) {
        HostSystem host = (HostSystem) security.getUserPrincipal();
        Diagnostic d = DiagnosticId.parse(id).flatMap(i -> reading.diagnostic(host.organisation(), host.teams(), i))
                .orElseThrow(() -> new ProblemException(Problem.of("not-found", "Diagnostic introuvable", 404,
                        "Aucun diagnostic de cet identifiant dans les équipes que cette clé peut lire.")));
        journal.append(JournalEntry.dossierAction(clock.instant(), host.actor(), JournalAction.DIAGNOSTIC_READ,
                journal.dossier(d.team(), d.caseRef()), d.id().value()));
        return Json.ok(DiagnosticView.of(d));
    }

    @GET
    @Path("referrals/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Une orientation vers un lieu, par son identifiant (lien des événements)",
            description = "Réservé aux clés de logiciel métier : l'orientation (lieu, service, statut et son historique), si "
                    + "elle est d'une équipe que la clé peut lire ; sinon 404. C'est le lien `links.referral` des événements "
                    + "d'orientation. Chaque lecture est journalisée.")
    @APIResponse(responseCode = "404", description = "Orientation introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response referral(@PathParam("id") String id, @Context SecurityContext security) {
        HostSystem host = (HostSystem) security.getUserPrincipal();
        HostRecordReading.ReferralRead read = ReferralId.parse(id).flatMap(i -> records.referral(host.organisation(), host.teams(), i))
                .orElseThrow(() -> new ProblemException(Problem.of("not-found", "Orientation introuvable", 404,
                        "Aucune orientation de cet identifiant dans les équipes que cette clé peut lire.")));
        journal.append(JournalEntry.dossierAction(clock.instant(), host.actor(), JournalAction.REFERRAL_READ,
                read.caseRef() == null ? null : journal.dossier(read.referral().team(), read.caseRef()), read.referral().id().value()));
        return Json.ok(ReferralView.of(read.referral()));
    }

    @GET
    @Path("mandates/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Un mandat, par son identifiant (lien des événements)",
            description = "Réservé aux clés de logiciel métier : le mandat (statut, durée, catégories de démarches, dates), "
                    + "s'il est d'une équipe que la clé peut lire ; sinon 404. C'est le lien `links.mandate` des événements "
                    + "de mandat. Chaque lecture est journalisée.")
    @APIResponse(responseCode = "404", description = "Mandat introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response mandate(@PathParam("id") String id, @Context SecurityContext security) {
        HostSystem host = (HostSystem) security.getUserPrincipal();
        Mandate m = MandateId.parse(id).flatMap(i -> records.mandate(host.organisation(), host.teams(), i))
                .orElseThrow(() -> new ProblemException(Problem.of("not-found", "Mandat introuvable", 404,
                        "Aucun mandat de cet identifiant dans les équipes que cette clé peut lire.")));
        journal.append(JournalEntry.dossierAction(clock.instant(), host.actor(), JournalAction.MANDATE_READ,
                journal.dossier(m.team(), m.caseRef()), m.id().value()));
        return Json.ok(MandateView.of(m, clock.instant(), false));
    }

    private static String body(jakarta.json.JsonObject json) {
        if (json.size() == 1 && json.get("caseRef") instanceof JsonString s && CaseReference.isValid(s.getString())) {
            return s.getString();
        }
        throw new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400,
                "Corps attendu : {\"caseRef\": \"…\"}.")
                .withErrors(List.of(new Problem.FieldError("/caseRef", "Référence de dossier : " + CaseReference.RULE))));
    }
}
