package fr.repere.web.api;

import fr.repere.diagnostic.NewDiagnostic;
import fr.repere.dossier.CaseReference;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.web.api.problem.Pointers;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A body carrying answers: {@code caseRef} (optional, the host software's case reference) and
 * {@code answers} (question code → option code, or an array of option codes for multiple-choice
 * questions; in a draft change, {@code null} clears an answer). Shape and types are checked here
 * (400, naming each field); whether the codes exist is the questionnaire's business (422).
 */
public record AnswersRequest(String caseRef, Map<String, List<String>> answers) {

    private static final Set<String> WITH_CASE = Set.of("caseRef", "answers");
    private static final Set<String> ANSWERS_ONLY = Set.of("answers");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}");

    /** {@code POST /api/v1/diagnostics}: every answer at once. */
    public static AnswersRequest forDiagnostic(JsonObject body) {
        return parse(body, WITH_CASE, true, false);
    }

    /** {@code POST /api/v1/drafts}: the first answers, if any. */
    public static AnswersRequest forNewDraft(JsonObject body) {
        return parse(body, WITH_CASE, false, false);
    }

    /** {@code PATCH /api/v1/drafts/{id}}: answers to record; null clears (an empty list in the result). */
    public static AnswersRequest forDraftChange(JsonObject body) {
        return parse(body, ANSWERS_ONLY, true, true);
    }

    private static AnswersRequest parse(JsonObject body, Set<String> fields, boolean answersRequired, boolean nullClears) {
        List<Problem.FieldError> errors = new ArrayList<>();
        body.keySet().stream().filter(k -> !fields.contains(k)).forEach(k ->
                errors.add(new Problem.FieldError("/" + Pointers.escape(k), "Champ inconnu.")));

        String caseRef = null;
        JsonValue ref = body.get("caseRef");
        if (ref != null && ref.getValueType() != JsonValue.ValueType.NULL) {
            if (ref instanceof JsonString s && CaseReference.isValid(s.getString())) {
                caseRef = s.getString();
            } else {
                errors.add(new Problem.FieldError("/caseRef",
                        "Référence de dossier invalide : " + CaseReference.RULE));
            }
        }

        Map<String, List<String>> answers = new LinkedHashMap<>();
        JsonValue given = body.get("answers");
        if (given == null || given.getValueType() == JsonValue.ValueType.NULL) {
            if (answersRequired) {
                errors.add(new Problem.FieldError("/answers", "Les réponses sont obligatoires."));
            }
        } else if (given.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(new Problem.FieldError("/answers",
                    "Un objet est attendu : { \"CODE_QUESTION\": \"CODE_REPONSE\" }."));
        } else {
            given.asJsonObject().forEach((question, value) -> {
                String pointer = "/answers/" + Pointers.escape(question);
                List<String> options = nullClears && value.getValueType() == JsonValue.ValueType.NULL
                        ? List.of() : options(value);
                if (options == null) {
                    errors.add(new Problem.FieldError(pointer,
                            "Un code de réponse (texte) ou une liste de codes de réponse est attendu."));
                } else if (!CODE.matcher(question).matches() || !options.stream().allMatch(o -> CODE.matcher(o).matches())) {
                    errors.add(new Problem.FieldError(pointer,
                            "Les codes sont en majuscules, chiffres et _ (64 caractères au plus)."));
                } else {
                    answers.put(question, options);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400,
                    "La requête ne respecte pas le format attendu : rien n'a été enregistré.").withErrors(errors));
        }
        return new AnswersRequest(caseRef, answers);
    }

    private static List<String> options(JsonValue value) {
        if (value instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            List<String> codes = new ArrayList<>();
            for (JsonValue v : value.asJsonArray()) {
                if (!(v instanceof JsonString s)) {
                    return null;
                }
                codes.add(s.getString());
            }
            return codes;
        }
        return null;
    }

    public NewDiagnostic toCommand() {
        return new NewDiagnostic(caseRef, AnswerSheet.of(answers));
    }
}
