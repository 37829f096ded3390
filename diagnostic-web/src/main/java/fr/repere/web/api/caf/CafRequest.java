package fr.repere.web.api.caf;

import fr.repere.caf.CivilStatus;
import fr.repere.web.api.BodyFields;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/v1/drafts/{id}/caf}: the person's consent, and her identity as on
 * the civil-status records — used for the call only, never stored, never logged, never repeated
 * in an error message.
 */
public record CafRequest(CivilStatus person) {

    private static final Set<String> FIELDS = Set.of("consent", "nomNaissance", "nomUsage", "prenoms", "dateNaissance",
            "sexe", "codePaysNaissance", "codeCommuneNaissance");
    private static final int TEXT_MAX = 100;
    private static final String CAF_NOT_CALLED = "la CAF n'a pas été interrogée";
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public static CafRequest from(JsonObject body) {
        if (body.get("consent") != JsonValue.TRUE) {
            throw new ProblemException(Problem.of("consent-required", "Consentement nécessaire", 422,
                    "La CAF n'est interrogée qu'avec l'accord de la personne : lisez-lui la notice, puis cochez son accord.")
                    .withErrors(List.of(new Problem.FieldError("/consent", "L'accord de la personne est nécessaire (true)."))));
        }
        BodyFields in = new BodyFields(body, FIELDS);
        String nom = in.text("nomNaissance", TEXT_MAX, true);
        String nomUsage = in.text("nomUsage", TEXT_MAX, false);
        List<String> prenoms = new ArrayList<>();
        if (body.get("prenoms") instanceof JsonArray array && !array.isEmpty() && array.size() <= CivilStatus.MAX_PRENOMS) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof JsonString s && !s.getString().isBlank()) {
                    prenoms.add(s.getString());
                } else {
                    in.error("prenoms/" + i, "Prénom attendu.");
                }
            }
        } else {
            in.error("prenoms", "De 1 à 3 prénoms, dans l'ordre de l'état civil.");
        }
        CivilStatus.BirthDate birth = null;
        String date = in.text("dateNaissance", TEXT_MAX, false);
        if (date != null) {
            Matcher m = DATE.matcher(date);
            try {
                if (!m.matches()) {
                    throw new IllegalArgumentException();
                }
                birth = new CivilStatus.BirthDate(Integer.parseInt(m.group(1)), m.group(2) == null ? null : Integer.valueOf(m.group(2)),
                        m.group(3) == null ? null : Integer.valueOf(m.group(3)));
            } catch (RuntimeException e) {
                in.error("dateNaissance", "Date attendue : AAAA-MM-JJ (ou AAAA-MM, ou AAAA si inconnue).");
            }
        }
        CivilStatus.Sexe sexe = null;
        String s = in.text("sexe", TEXT_MAX, true);
        if (s != null) {
            if (s.equals("M") || s.equals("F")) {
                sexe = CivilStatus.Sexe.valueOf(s);
            } else {
                in.error("sexe", "M ou F, comme à l'état civil.");
            }
        }
        String pays = in.text("codePaysNaissance", TEXT_MAX, false);
        String commune = in.text("codeCommuneNaissance", TEXT_MAX, false);
        in.done("L'identité", CAF_NOT_CALLED);
        try {
            return new CafRequest(new CivilStatus(nom, nomUsage, prenoms, birth, sexe, pays == null ? CivilStatus.FRANCE : pays, commune));
        } catch (IllegalArgumentException e) {
            // CivilStatus' messages name the field, never the value
            String field = e.getMessage() == null ? "" : e.getMessage().split(":| ")[0];
            String pointer = switch (field) {
                case "codeCogInseePaysNaissance" -> "/codePaysNaissance";
                case "codeCogInseeCommuneNaissance" -> "/codeCommuneNaissance";
                case "nomNaissance", "nomUsage", "prenoms" -> "/" + field;
                default -> "/dateNaissance";
            };
            throw invalid(List.of(new Problem.FieldError(pointer, "Valeur non valable pour l'état civil (code pays « 99xxx », "
                    + "code de commune de naissance INSEE à 5 caractères pour une personne née en France, sans commune sinon).")));
        }
    }

    private static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400,
                "L'identité ne respecte pas le format attendu : " + CAF_NOT_CALLED + ".").withErrors(errors));
    }
}
