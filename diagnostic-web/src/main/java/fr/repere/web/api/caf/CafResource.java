package fr.repere.web.api.caf;

import fr.repere.caf.CafAnswers;
import fr.repere.caf.CafConsultation;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.UnknownDraftException;
import fr.repere.identity.Role;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;

/**
 * CAF/MSA data for an interview: the worker records the person's consent and sends her identity;
 * the consultation runs in the background (the interview goes on) and its result, minimised, is
 * read back; when the interview is completed, a person with quarterly declarations gets them as
 * a pending procedure in the rules. CDAP (« CAF Pro ») has no API: only a link.
 */
@Path("v1/drafts/{id}/caf")
@RequestScoped
@Allowed({Role.WORKER, Role.TEAM_LEAD})
@Tag(name = "CAF")
public class CafResource {

    @Inject
    private CafSettings settings;

    @Inject
    private CafBackground background;

    @Inject
    private CafRegister register;

    @Context
    private UriInfo uri;

    /**
     * The answer in force (the latest informative one, else the latest consultation), with
     * {@code latestAttempt} when a later consultation is pending or failed. {@code reason}: Repère's
     * technical wording for support (no personal data); {@code failure}: who can act;
     * {@code inOrientation}: USED or NOT_USED once the interview is completed.
     */
    public record ConsultationView(String status, String message, String failure, String reason, Boolean rsa,
                                   Boolean primeActivite, Boolean quarterlyDeclarations, String consentedAt,
                                   String inOrientation, Attempt latestAttempt, String cdapUrl) {
        static ConsultationView of(CafAnswers answers, String cdapUrl) {
            CafConsultation c = answers.inForce().orElseThrow();
            CafConsultation latest = answers.latest().orElseThrow();
            return new ConsultationView(c.status().name(), c.message(), c.failure().map(Enum::name).orElse(null),
                    c.reason().orElse(null), c.rsa().orElse(null), c.primeActivite().orElse(null),
                    c.quarterlyDeclarations().orElse(null), c.consentedAt().toString(),
                    c.inOrientation().map(Enum::name).orElse(null), latest == c ? null : Attempt.of(latest), cdapUrl);
        }
    }

    /** A later consultation that did not (yet) replace the answer in force. */
    public record Attempt(String status, String message, String failure, String consentedAt) {
        static Attempt of(CafConsultation c) {
            return new Attempt(c.status().name(), c.message(), c.failure().map(Enum::name).orElse(null), c.consentedAt().toString());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Interroger la CAF ou la MSA (API Particulier), avec l'accord de la personne",
            description = "Corps : consent (true), nomNaissance, nomUsage, prenoms, dateNaissance, sexe, codePaysNaissance, "
                    + "codeCommuneNaissance. L'identité n'est pas conservée. Réponse immédiate (202) ; le résultat se lit ensuite.")
    @APIResponse(responseCode = "202", description = "Consultation lancée")
    @APIResponse(responseCode = "400", description = "Identité mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Entretien introuvable, ou consultation CAF non activée",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Accord de la personne manquant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response consult(@PathParam("id") String id, InputStream body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        if (!settings.enabled()) {
            throw new ProblemException(Problem.of("caf-disabled", "Consultation CAF non activée", 404,
                    "La consultation de la CAF n'est pas activée dans cette installation de Repère : continuez l'entretien."));
        }
        DiagnosticId interview = DiagnosticId.parse(id).orElseThrow(() -> new UnknownDraftException(null));
        CafRequest request = CafRequest.from(JsonBodies.object(JsonBodies.readLimited(body)));
        CafRegister.Started started = register.start(caller, interview);
        background.consult(started, caller.actor(), request.person());
        return Response.accepted(Json.write(ConsultationView.of(new CafAnswers(List.of(started.consultation())),
                        settings.cdapUrl().orElse(null))))
                .type(Json.UTF8_JSON).header("Cache-Control", "no-store")
                .location(uri.getAbsolutePath()).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Réponse de la CAF en vigueur pour l'entretien",
            description = "La dernière réponse informative (dossier trouvé ou aucun dossier) ; une demande plus récente en "
                    + "cours ou en échec est dans latestAttempt. Après l'entretien, inOrientation dit si l'orientation l'a utilisée.")
    @APIResponse(responseCode = "404", description = "Aucune consultation", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response result(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        CafAnswers answers = DiagnosticId.parse(id).flatMap(i -> register.answers(caller, i))
                .orElseThrow(() -> new ProblemException(Problem.of("not-found", "Aucune consultation CAF", 404,
                        "La CAF n'a pas été interrogée pour cet entretien.")));
        return Json.ok(ConsultationView.of(answers, settings.cdapUrl().orElse(null)));
    }
}
