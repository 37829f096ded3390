package fr.repere.web.api.mandate;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.identity.Role;
import fr.repere.journal.JournalAction;
import fr.repere.mandate.Mandate;
import fr.repere.mandate.MandateId;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.print.MandateAttestation;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.Caller;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Mandates (Aidants Connect model). Repère never stores the person's passwords or login details:
 * no endpoint accepts them, and the attestation tells the person so.
 */
@Path("v1/mandates")
@RequestScoped
@Allowed({Role.WORKER, Role.TEAM_LEAD})
@Tag(name = "Mandats", description = "Agir pour le compte de la personne (modèle Aidants Connect). Repère ne conserve jamais "
        + "les mots de passe ni les identifiants de connexion de la personne.")
public class MandateResource {

    /** A scanned A4 page, even in colour, stays well below (and BodySizeLimit refuses a larger declared upload). */
    static final int MAX_SCAN_BYTES = 10 * 1024 * 1024;

    @Inject
    private MandateRegister register;

    @Context
    private UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Préparer un mandat",
            description = "Mandat entre l'organisation de l'agent (et non l'agent) et la personne d'un diagnostic de l'équipe : "
                    + "catégories de démarches (PAPIERS, FAMILLE, SOCIAL, TRAVAIL, LOGEMENT, TRANSPORTS, ARGENT, JUSTICE, "
                    + "ETRANGER, LOISIRS) et durée (ONE_DAY « Mandat court », ONE_MONTH « Mandat d'un mois », SIX_MONTHS "
                    + "« Mandat de 6 mois », TWELVE_MONTHS « Mandat long (12 mois) »). Le mandat attend la signature de "
                    + "l'attestation imprimée. Repère ne conserve jamais les mots de passe de la personne.")
    @APIResponse(responseCode = "201", description = "Mandat préparé, en attente de signature",
            content = @Content(schema = @Schema(implementation = MandateView.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Diagnostic introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response prepare(InputStream body, @Context SecurityContext security) {
        Caller caller = caller(security);
        MandateRequest request = MandateRequest.from(JsonBodies.object(JsonBodies.readLimited(body)));
        Mandate m = register.prepare(caller, request).orElseThrow(() -> new ProblemException(Problem.of("not-found",
                "Diagnostic introuvable", 404, "Aucun diagnostic ne correspond à cet identifiant.")));
        return Json.created(uri.getAbsolutePathBuilder().path(m.id().value()).build().toString(),
                MandateView.of(m, register.now(), true));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mandats de la personne d'un diagnostic", description = "Du plus récent au plus ancien, avec leur statut.")
    @APIResponse(responseCode = "200", description = "Les mandats")
    @APIResponse(responseCode = "400", description = "Paramètre diagnostic manquant", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Diagnostic introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response ofDiagnostic(@Parameter(description = "Identifiant du diagnostic") @QueryParam("diagnostic") String diagnostic,
                                 @Context SecurityContext security) {
        if (diagnostic == null) {
            throw JsonBodies.malformed("Indiquez le diagnostic : ?diagnostic=<identifiant>.");
        }
        List<Mandate> mandates = DiagnosticId.parse(diagnostic).flatMap(d -> register.ofDiagnostic(caller(security), d))
                .orElseThrow(() -> new ProblemException(Problem.of("not-found", "Diagnostic introuvable", 404,
                        "Aucun diagnostic ne correspond à cet identifiant.")));
        return Json.ok(mandates.stream().map(m -> MandateView.of(m, register.now(), false)).toList());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lire un mandat", description = "Statut, autorisations et journal du mandat.")
    @APIResponse(responseCode = "200", description = "Le mandat", content = @Content(schema = @Schema(implementation = MandateView.class)))
    @APIResponse(responseCode = "404", description = "Mandat introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response find(@PathParam("id") String id, @Context SecurityContext security) {
        Mandate m = MandateId.parse(id).flatMap(i -> register.find(caller(security), i, JournalAction.MANDATE_READ))
                .orElseThrow(MandateResource::notFound);
        return Json.ok(MandateView.of(m, register.now(), true));
    }

    @GET
    @Path("{id}/attestation")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Attestation de mandat imprimable",
            description = "Page HTML en français (A4) à imprimer en deux exemplaires et à faire signer par la personne.")
    @APIResponse(responseCode = "200", description = "L'attestation", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "Mandat introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response attestation(@PathParam("id") String id, @Context SecurityContext security) {
        Mandate m = MandateId.parse(id).flatMap(i -> register.find(caller(security), i, JournalAction.MANDATE_PRINT))
                .orElseThrow(MandateResource::notFound);
        return MandateAttestation.of(m, register.organisationName(m.organisation()));
    }

    @POST
    @Path("{id}/signature")
    @Consumes({MediaType.APPLICATION_JSON, "application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enregistrer l'attestation signée",
            description = "La personne a signé l'attestation papier : les autorisations entrent en vigueur et la durée commence. "
                    + "Corps JSON {\"attestationSha256\": …} (facultatif) avec l'empreinte SHA-256 de la copie numérisée, ou "
                    + "la copie numérisée elle-même (PDF, JPEG, PNG, 10 Mo au plus) : Repère en calcule l'empreinte et ne garde "
                    + "pas le fichier.")
    @APIResponse(responseCode = "200", description = "Mandat actif", content = @Content(schema = @Schema(implementation = MandateView.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Mandat introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Attestation déjà enregistrée, ou mandat révoqué", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Fichier trop volumineux", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response sign(@PathParam("id") String id, @HeaderParam("Content-Type") String type, InputStream body,
                         @Context SecurityContext security) {
        String sha = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_JSON)
                ? MandateRequest.attestationHash(JsonBodies.object(JsonBodies.readLimited(body)))
                : sha256(body);
        Mandate m = MandateId.parse(id).flatMap(i -> register.sign(caller(security), i, sha)).orElseThrow(MandateResource::notFound);
        return Json.ok(MandateView.of(m, register.now(), true));
    }

    @POST
    @Path("{id}/use")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Utiliser une autorisation",
            description = "Inscrit au journal du mandat une démarche faite pour le compte de la personne ({\"category\": …}).")
    @APIResponse(responseCode = "200", description = "Utilisation inscrite", content = @Content(schema = @Schema(implementation = MandateView.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Mandat introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Mandat non signé, expiré, révoqué, ou catégorie non autorisée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response use(@PathParam("id") String id, InputStream body, @Context SecurityContext security) {
        var category = MandateRequest.category(JsonBodies.object(JsonBodies.readLimited(body)), true);
        Mandate m = MandateId.parse(id).flatMap(i -> register.use(caller(security), i, category)).orElseThrow(MandateResource::notFound);
        return Json.ok(MandateView.of(m, register.now(), true));
    }

    @POST
    @Path("{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Révoquer une autorisation ou le mandat",
            description = "{\"category\": …} révoque cette seule autorisation ; un corps {} révoque le mandat entier.")
    @APIResponse(responseCode = "200", description = "Révocation inscrite", content = @Content(schema = @Schema(implementation = MandateView.class)))
    @APIResponse(responseCode = "400", description = "Requête mal formée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Mandat introuvable", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Mandat expiré ou déjà révoqué", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response revoke(@PathParam("id") String id, InputStream body, @Context SecurityContext security) {
        var category = MandateRequest.category(JsonBodies.object(JsonBodies.readLimited(body)), false);
        Mandate m = MandateId.parse(id).flatMap(i -> register.revoke(caller(security), i, category)).orElseThrow(MandateResource::notFound);
        return Json.ok(MandateView.of(m, register.now(), true));
    }

    private static String sha256(InputStream body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (DigestInputStream in = new DigestInputStream(body, digest)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_SCAN_BYTES) {
                        throw JsonBodies.tooLarge(MAX_SCAN_BYTES);
                    }
                }
            }
            if (total == 0) {
                throw JsonBodies.malformed("La copie numérisée est vide.");
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of("not-found", "Mandat introuvable", 404, "Aucun mandat ne correspond à cet identifiant."));
    }
}
