package fr.repere.web.api.dossier;

import fr.repere.dossier.CaseReference;
import fr.repere.dossier.ErasureGround;
import fr.repere.web.api.AnswersRequest;
import fr.repere.web.api.problem.Pointers;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The body of {@code POST /api/v1/dossiers/export} ({@code caseRef}) and
 * {@code POST /api/v1/dossiers/erasure} ({@code caseRef} and {@code reason}, one of the
 * {@link ErasureGround} codes). Shape errors are 400, naming each field.
 */
public record CaseRequest(String caseRef, ErasureGround reason) {

    private static final Set<String> EXPORT = Set.of("caseRef");
    private static final Set<String> ERASURE = Set.of("caseRef", "reason");

    public static CaseRequest forExport(JsonObject body) {
        return parse(body, EXPORT);
    }

    public static CaseRequest forErasure(JsonObject body) {
        return parse(body, ERASURE);
    }

    private static CaseRequest parse(JsonObject body, Set<String> fields) {
        List<Problem.FieldError> errors = new ArrayList<>();
        body.keySet().stream().filter(k -> !fields.contains(k))
                .forEach(k -> errors.add(new Problem.FieldError("/" + Pointers.escape(k), "Champ inconnu.")));

        String caseRef = null;
        JsonValue ref = body.get("caseRef");
        if (ref instanceof JsonString s && CaseReference.isValid(s.getString())) {
            caseRef = s.getString();
        } else {
            errors.add(new Problem.FieldError("/caseRef", ref == null || ref.getValueType() == JsonValue.ValueType.NULL
                    ? "La référence du dossier est obligatoire."
                    : "Référence de dossier invalide : " + CaseReference.RULE));
        }

        ErasureGround reason = null;
        if (fields.contains("reason")) {
            JsonValue r = body.get("reason");
            if (r instanceof JsonString s && Arrays.stream(ErasureGround.values()).anyMatch(g -> g.name().equals(s.getString()))) {
                reason = ErasureGround.valueOf(s.getString());
            } else {
                errors.add(new Problem.FieldError("/reason", "Motif obligatoire, parmi : "
                        + Arrays.stream(ErasureGround.values()).map(g -> g.name() + " (" + g.label() + ")")
                        .collect(Collectors.joining(", ")) + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400,
                    "La demande ne respecte pas le format attendu : rien n'a été fait.").withErrors(errors));
        }
        return new CaseRequest(caseRef, reason);
    }
}
