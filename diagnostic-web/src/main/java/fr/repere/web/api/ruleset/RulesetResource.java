package fr.repere.web.api.ruleset;

import fr.repere.ruleset.InvalidRulesetException;
import fr.repere.ruleset.Ruleset;
import fr.repere.ruleset.RulesetProblem;
import fr.repere.ruleset.UnknownRulesetException;
import fr.repere.web.api.Json;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.platform.RuleBaseInForce;
import fr.repere.web.security.Caller;

import fr.repere.identity.Role;
import fr.repere.web.security.Allowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation's ruleset versions: download the decision tables, upload a new version (checked
 * against the shipped tables, compiled and checked for completeness before it is stored), activate
 * a version explicitly. Everything is within the caller's organisation: another organisation's
 * versions are never listed and answer 404.
 */
@Path("v1/rulesets")
@RequestScoped
@Allowed({Role.ADMIN, Role.ANALYST})
@Tag(name = "Règles d'orientation")
public class RulesetResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_TABLE_BYTES = 2 * 1024 * 1024;
    private static final int MAX_TABLES = 20;

    @Inject
    private RulesetRegister rulesets;

    @Inject
    private RuleBaseInForce inForce;

    public record RulesetView(String version, String description, boolean shipped, boolean inForce, String uploadedAt,
                              String activatedAt, List<String> tables) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Versions des tables de décision", description = "La version livrée avec Repère et les versions déposées par le département ; celle en vigueur est signalée.")
    public Response list(@Context SecurityContext security) {
        Caller caller = caller(security);
        String current = rulesets.inForce(rulesets.organisation(caller)).getKey();
        List<RulesetView> views = new ArrayList<>();
        String shipped = rulesets.shippedVersion();
        views.add(new RulesetView(shipped, "Règles livrées avec Repère", true, shipped.equals(current), null, null,
                List.copyOf(rulesets.tables(caller, shipped).orElseThrow().keySet())));
        for (Ruleset r : rulesets.uploaded(caller)) {
            views.add(new RulesetView(r.version(), r.description(), false, r.version().equals(current),
                    r.uploadedAt().toString(), r.activatedAt() == null ? null : r.activatedAt().toString(),
                    List.copyOf(r.tables().keySet())));
        }
        return Json.ok(views);
    }

    @GET
    @Path("{version}/tables/{file}")
    @Produces(XLSX)
    @Operation(summary = "Télécharger une table de décision", description = "Le fichier .drl.xlsx, à ouvrir et modifier dans LibreOffice ou Excel.")
    @APIResponse(responseCode = "200", description = "La table", content = @Content(mediaType = XLSX))
    @APIResponse(responseCode = "404", description = "Version ou table inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response table(@PathParam("version") String version, @PathParam("file") String file,
                          @Context SecurityContext security) {
        byte[] content = rulesets.tables(caller(security), version).orElseThrow(() -> new UnknownRulesetException(version))
                .get(file);
        if (content == null) {
            throw new ProblemException(Problem.of("not-found", "Table introuvable", 404,
                    "Cette version ne contient pas de table « " + file + " »."));
        }
        return Response.ok(content, XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + file.replace("\"", "") + "\"")
                .build();
    }

    @POST
    @Allowed(Role.ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Déposer une nouvelle version des tables",
            description = "Champs « version » et « description », et un ou plusieurs fichiers « tables » (.drl.xlsx). Les tables sont compilées et l'on vérifie que chaque profil reçoit exactement une orientation principale ; la version n'est pas activée.")
    @APIResponse(responseCode = "201", description = "Version enregistrée, non activée")
    @APIResponse(responseCode = "400", description = "Formulaire incomplet", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Tables refusées : chaque problème est situé (fichier, feuille, ligne, colonne)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response upload(List<EntityPart> parts, @Context SecurityContext security) {
        String version = null;
        String description = null;
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (EntityPart part : parts) {
            switch (part.getName()) {
                case "version" -> version = text(part);
                case "description" -> description = text(part);
                case "tables" -> {
                    String file = part.getFileName().orElseThrow(() -> malformed("Chaque table doit être un fichier."));
                    if (tables.size() >= MAX_TABLES) {
                        throw malformed("Au plus " + MAX_TABLES + " tables par version.");
                    }
                    tables.put(baseName(file), bytes(part));
                }
                default -> throw malformed("Champ inconnu : « " + part.getName() + " ».");
            }
        }
        if (version == null) {
            throw new InvalidRulesetException(List.of(RulesetProblem.general("Le numéro de version est obligatoire.")));
        }
        Ruleset r = rulesets.upload(caller(security), version.strip(), description, tables);
        return Response.status(201).location(java.net.URI.create("v1/rulesets/" + r.version()))
                .type(Json.UTF8_JSON)
                .entity(Json.write(new RulesetView(r.version(), r.description(), false, false, r.uploadedAt().toString(),
                        null, List.copyOf(r.tables().keySet()))))
                .build();
    }

    @POST
    @Allowed(Role.ADMIN)
    @Path("{version}/activation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Activer une version des tables",
            description = "Les diagnostics suivants utilisent cette version ; la précédente reste disponible. Activer la version livrée revient aux règles d'origine.")
    @APIResponse(responseCode = "200", description = "Version en vigueur")
    @APIResponse(responseCode = "404", description = "Version inconnue", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response activate(@PathParam("version") String version, @Context SecurityContext security) {
        Caller admin = caller(security);
        rulesets.activate(admin, version);
        String organisation = rulesets.organisation(admin);
        inForce.recheckNow(organisation); // this node at once; the others within RuleBaseInForce.RECHECK
        return Json.ok(Map.of("version", inForce.version(organisation)));
    }

    private static Caller caller(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    private static String baseName(String file) {
        String name = file.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String text(EntityPart part) {
        try {
            return new String(limited(part.getContent(), 1000), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(EntityPart part) {
        try {
            return limited(part.getContent(), MAX_TABLE_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] limited(InputStream in, int max) throws IOException {
        byte[] b = in.readNBytes(max + 1);
        if (b.length > max) {
            throw new ProblemException(Problem.of("payload-too-large", "Fichier trop volumineux", 413,
                    "Un champ ou une table dépasse " + (max / 1024) + " Ko."));
        }
        return b;
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400, detail));
    }
}
