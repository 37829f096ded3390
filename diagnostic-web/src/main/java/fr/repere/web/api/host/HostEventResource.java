package fr.repere.web.api.host;

import fr.repere.hostevent.HostEventFeed;
import fr.repere.hostevent.HostEventSequencer;
import fr.repere.identity.Role;
import fr.repere.hostevent.CursorExpiredException;
import fr.repere.hostevent.HostEventRetention;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Allowed;
import fr.repere.web.security.HostSystem;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The host events' feed: the CloudEvents of the key's organisation (of its teams, if the key is
 * restricted), in publication order after a cursor. The events committed so far are numbered
 * first, so a host that just saw its change answered reads its event. A CloudEvents batch is a bare
 * JSON array: the next cursor travels in the {@value #NEXT_CURSOR} header.
 */
@Path("v1/host/events")
@RequestScoped
@Allowed(Role.HOST)
@Tag(name = "Logiciel métier")
public class HostEventResource {

    public static final String MEDIA_TYPE = "application/cloudevents-batch+json";
    public static final String NEXT_CURSOR = "Repere-Next-Cursor";
    private static final Pattern CURSOR = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final Pattern LIMIT = Pattern.compile("[1-9][0-9]{0,2}");

    @Inject
    private HostEventWork work;

    @GET
    @Produces(MEDIA_TYPE)
    @Operation(summary = "Événements de l'organisation, dans l'ordre de publication",
            description = "Réservé aux clés de logiciel métier. Renvoie un lot CloudEvents 1.0 (tableau JSON) des événements "
                    + "publiés après le curseur `after` (0 : depuis le début), au plus `limit` (1 à 500, 100 par défaut), "
                    + "dans un ordre strict, chacun une fois ; seuls ceux des équipes que la clé peut lire. Le curseur suivant "
                    + "est dans l'en-tête Repere-Next-Cursor (le même s'il n'y avait rien de nouveau). Un événement validé en "
                    + "retard reçoit un numéro plus grand que tous ceux déjà donnés : suivre le curseur ne le saute jamais. "
                    + "Aucune réponse ni texte libre dans les événements : des identifiants, des codes, des niveaux et le lien "
                    + "pour lire l'enregistrement complet avec la clé.")
    @APIResponse(responseCode = "200", description = "Lot d'événements (éventuellement vide)",
            content = @Content(mediaType = MEDIA_TYPE, schema = @Schema(type = SchemaType.ARRAY)),
            headers = @Header(name = NEXT_CURSOR, description = "Curseur à passer en `after` à la lecture suivante",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Curseur ou limite invalide", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Clé absente, inconnue ou révoquée", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "410", description = "Curseur trop ancien : des événements qui le suivaient ont été effacés "
            + "(gardés 30 jours) ; l'en-tête Repere-Next-Cursor dit où reprendre", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response events(@Parameter(description = "Curseur : 0, ou la valeur de Repere-Next-Cursor de la lecture précédente")
                           @QueryParam("after") String after,
                           @Parameter(description = "Nombre maximal d'événements, de 1 à 500 (100 par défaut)")
                           @QueryParam("limit") String limit,
                           @Context SecurityContext security) {
        HostSystem host = (HostSystem) security.getUserPrincipal();
        long cursor = cursor(after);
        int max = limit(limit);
        while (work.sequence() == HostEventSequencer.BATCH) {
            // another batch
        }
        HostEventFeed.Page page;
        try {
            page = work.after(host.organisation(), host.teams(), cursor, max);
        } catch (CursorExpiredException e) {
            return Response.fromResponse(Problem.of("cursor-expired", "Curseur trop ancien", 410,
                    "Les événements sont gardés " + HostEventRetention.RETENTION.toDays() + " jours : ceux qui suivaient ce "
                            + "curseur ont été effacés. Relisez avec la clé les dossiers dont vous avez besoin, puis reprenez la "
                            + "lecture au curseur " + e.oldestCursor() + " (en-tête " + NEXT_CURSOR + ").").toResponse())
                    .header(NEXT_CURSOR, Long.toString(e.oldestCursor())).build();
        }
        return Response.ok("[" + String.join(",", page.cloudEvents()) + "]", MEDIA_TYPE)
                .header(NEXT_CURSOR, Long.toString(page.next()))
                .header("Cache-Control", "no-store")
                .build();
    }

    private static long cursor(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        if (!CURSOR.matcher(after).matches()) {
            throw invalid("/after", "Curseur invalide : 0, ou la valeur de l'en-tête " + NEXT_CURSOR + " de la lecture précédente.");
        }
        return Long.parseLong(after);
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return HostEventFeed.DEFAULT_LIMIT;
        }
        if (!LIMIT.matcher(limit).matches() || !HostEventFeed.validLimit(Integer.parseInt(limit))) {
            throw invalid("/limit", "Limite invalide : un nombre entier de 1 à " + HostEventFeed.MAX_LIMIT + ".");
        }
        return Integer.parseInt(limit);
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400, message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
