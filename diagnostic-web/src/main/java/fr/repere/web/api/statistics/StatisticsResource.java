package fr.repere.web.api.statistics;

import fr.repere.identity.Role;
import fr.repere.statistics.Breakdown;
import fr.repere.statistics.Publication;
import fr.repere.web.api.BodyFields;
import fr.repere.web.api.Json;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.Caller;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Department statistics for analysts: only fixed breakdowns, only after disclosure control, only
 * their organisation's diagnostics in the départements where it works.
 */
@jakarta.ws.rs.Path("v1/statistics")
@RequestScoped
@Allowed(Role.ANALYST)
@Tag(name = "Statistiques départementales")
public class StatisticsResource {

    private static final Set<String> TERRITORIES = Set.of("departement", "epci", "commune");
    private static final Set<String> PERIODS = Set.of("annee", "trimestre", "mois");

    @Inject
    private DepartmentStatistics statistics;

    @Inject
    private StatisticsExports exports;

    @Inject
    private Clock clock;

    @Context
    private UriInfo uri;

    /** What the analyst asked, checked. */
    record Request(String organisation, String departement, int year, Breakdown breakdown, List<String> departements) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Statistiques d'un département",
            description = "territoire = departement, epci ou commune ; periode = annee, trimestre ou mois (mois et trimestre pour "
                    + "le département seulement) ; annee = AAAA (l'année en cours par défaut) ; departement = code (par défaut le premier "
                    + "des départements de l'organisation, tous listés dans la réponse). "
                    + "Les chiffres masqués sont donnés en texte (« s », le même pour tous) et expliqués par la légende.")
    @APIResponse(responseCode = "200", description = "Les tableaux")
    @APIResponse(responseCode = "400", description = "Paramètre non valide")
    public Response read(@QueryParam("territoire") String territory, @QueryParam("periode") String period,
                         @QueryParam("annee") String year, @QueryParam("departement") String departement,
                         @Context SecurityContext security) {
        Request request = check(caller(security), territory, period, year, departement);
        Publication publication = statistics.publish(request.organisation(), request.departement(), request.year(), request.breakdown());
        return Response.ok(Json.write(StatisticsView.of(publication, request.departement(), request.year(),
                        request.breakdown().territory(), request.breakdown().period(), request.departements())))
                .type(Json.UTF8_JSON).header("Cache-Control", "no-store").build();
    }

    @POST
    @jakarta.ws.rs.Path("exports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Demander un export (XLSX ou CSV)",
            description = "Corps : {format: XLSX | CSV, territoire, periode, annee, departement}. L'export se prépare en tâche de fond : "
                    + "suivre l'adresse donnée (Location), puis télécharger le fichier. Un CSV par tableau, dans un fichier zip.")
    @APIResponse(responseCode = "202", description = "Export commencé")
    @APIResponse(responseCode = "400", description = "Demande non valide")
    public Response export(InputStream body, @Context SecurityContext security) {
        JsonObject json = JsonBodies.object(JsonBodies.readLimited(body));
        BodyFields fields = new BodyFields(json, Set.of("format", "territoire", "periode", "annee", "departement"));
        StatisticsExports.Format format = fields.code("format", Set.of(StatisticsExports.Format.values()), true);
        String territory = fields.text("territoire", 20, false);
        String period = fields.text("periode", 20, false);
        String departement = fields.text("departement", 3, false);
        JsonValue yearValue = json.get("annee");
        String year = null;
        if (yearValue instanceof JsonNumber n) {
            year = n.toString();
        } else if (yearValue != null && yearValue.getValueType() == JsonValue.ValueType.STRING) {
            year = json.getString("annee");
        } else if (yearValue != null && yearValue.getValueType() != JsonValue.ValueType.NULL) {
            fields.error("annee", "Une année sur quatre chiffres est attendue.");
        }
        fields.done("La demande d'export", "aucun export n'a été commencé");
        Caller caller = caller(security);
        Request request = check(caller, territory, period, year, departement);
        Publication publication = statistics.publish(request.organisation(), request.departement(), request.year(), request.breakdown());
        String name = "statistiques-" + request.departement() + "-" + request.year() + "-" + request.breakdown().code();
        StatisticsExports.Job job = exports.start(caller.agentId(), publication, format, name);
        return Response.accepted(Json.write(view(job))).type(Json.UTF8_JSON).header("Cache-Control", "no-store")
                .location(uri.getAbsolutePathBuilder().path(job.id()).build()).build();
    }

    @GET
    @jakarta.ws.rs.Path("exports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suivre un export", description = "État (EN_COURS, PRET, ECHEC), progression en %, adresse du fichier une fois prêt.")
    @APIResponse(responseCode = "200", description = "L'export")
    @APIResponse(responseCode = "404", description = "Export introuvable")
    public Response follow(@PathParam("id") String id, @Context SecurityContext security) {
        StatisticsExports.Job job = exports.find(caller(security).agentId(), id).orElseThrow(StatisticsResource::notFound);
        return Response.ok(Json.write(view(job))).type(Json.UTF8_JSON).header("Cache-Control", "no-store").build();
    }

    @GET
    @jakarta.ws.rs.Path("exports/{id}/file")
    @Operation(summary = "Télécharger un export prêt", description = "Une seule fois : le fichier est ensuite effacé du serveur.")
    @APIResponse(responseCode = "200", description = "Le fichier")
    @APIResponse(responseCode = "404", description = "Export introuvable, pas encore prêt ou déjà téléchargé")
    public Response download(@PathParam("id") String id, @Context SecurityContext security) {
        StatisticsExports.Job job = exports.takeForDownload(caller(security).agentId(), id).orElseThrow(StatisticsResource::notFound);
        Path file = job.file;
        StreamingOutput stream = out -> {
            try {
                Files.copy(file, out);
            } finally {
                StatisticsExports.delete(file);
            }
        };
        return Response.ok(stream, job.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + job.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }

    public record ExportView(String id, StatisticsExports.State etat, int progression, String fichier, String nomFichier) {
    }

    private ExportView view(StatisticsExports.Job job) {
        String file = job.state() == StatisticsExports.State.PRET ? "/api/v1/statistics/exports/" + job.id() + "/file" : null;
        return new ExportView(job.id(), job.state(), job.progress(), file, job.fileName());
    }

    private Request check(Caller caller, String territory, String period, String yearText, String departement) {
        String t = territory == null ? "departement" : territory;
        String p = period == null ? "annee" : period;
        if (!TERRITORIES.contains(t)) {
            throw invalid("territoire", "Le territoire est departement, epci ou commune.");
        }
        if (!PERIODS.contains(p)) {
            throw invalid("periode", "La période est annee, trimestre ou mois.");
        }
        Breakdown breakdown = Breakdown.of(t, p);
        if (breakdown == null) {
            throw invalid("periode", "Par EPCI ou par commune, les chiffres sont donnés par année seulement (periode=annee) : "
                    + "des mois par commune seraient presque tous masqués.");
        }
        int current = clock.instant().atZone(ZoneOffset.UTC).getYear();
        int year = current;
        if (yearText != null) {
            if (!yearText.matches("\\d{4}") || Integer.parseInt(yearText) < 2020 || Integer.parseInt(yearText) > current) {
                throw invalid("annee", "L'année est sur quatre chiffres, de 2020 à " + current + ".");
            }
            year = Integer.parseInt(yearText);
        }
        String organisation = statistics.organisationOf(caller.team());
        List<String> departements = statistics.departements(organisation);
        String chosen;
        if (departement != null) {
            if (!departements.contains(departement)) {
                throw invalid("departement", departements.isEmpty()
                        ? "Votre organisation n'a encore aucun diagnostic rattaché à un département."
                        : "Département attendu parmi ceux de votre organisation : " + String.join(", ", departements) + ".");
            }
            chosen = departement;
        } else if (departements.isEmpty()) {
            throw new ProblemException(Problem.of("no-statistics", "Aucune statistique", 404,
                    "Votre organisation n'a encore aucun diagnostic rattaché à une commune : il n'y a rien à compter."));
        } else {
            chosen = departements.get(0); // the first by code; the answer lists the others (departements)
        }
        return new Request(organisation, chosen, year, breakdown, departements);
    }

    private static ProblemException invalid(String parameter, String detail) {
        return new ProblemException(Problem.of("invalid-parameter", "Paramètre non valide : " + parameter, 400, detail)
                .withErrors(List.of(new Problem.FieldError(parameter, detail))));
    }

    private static ProblemException notFound() {
        return new ProblemException(Problem.of("not-found", "Export introuvable", 404,
                "Aucun export à vous ne correspond à cet identifiant : il n'est pas encore prêt, a déjà été téléchargé ou a expiré."));
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

}
