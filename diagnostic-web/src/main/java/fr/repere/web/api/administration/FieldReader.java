package fr.repere.web.api.administration;

import fr.repere.web.api.problem.Pointers;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the flat JSON bodies of the administration requests, collecting every bad field before answering 400. */
final class FieldReader {

    private final JsonObject body;
    private final List<Problem.FieldError> errors = new ArrayList<>();

    FieldReader(JsonObject body, Set<String> fields) {
        this.body = body;
        body.keySet().stream().filter(k -> !fields.contains(k))
                .forEach(k -> errors.add(new Problem.FieldError("/" + Pointers.escape(k), "Champ inconnu.")));
    }

    /** A text of 1 to {@code max} characters once trimmed; null (and an error if required) otherwise. */
    String text(String field, int max, boolean required) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                errors.add(new Problem.FieldError("/" + field, "Champ obligatoire."));
            }
            return null;
        }
        if (v instanceof JsonString s && !s.getString().isBlank() && s.getString().strip().length() <= max) {
            return s.getString().strip();
        }
        errors.add(new Problem.FieldError("/" + field, "Un texte de 1 à " + max + " caractères est attendu."));
        return null;
    }

    /** One of an enum's codes; null (and an error if required) otherwise. */
    <E extends Enum<E>> E code(String field, Class<E> type, Set<E> allowed, boolean required) {
        String code = text(field, 32, required);
        if (code == null) {
            return null;
        }
        for (E e : allowed) {
            if (e.name().equals(code)) {
                return e;
            }
        }
        errors.add(new Problem.FieldError("/" + field, "Valeur attendue : " + String.join(", ",
                allowed.stream().map(Enum::name).sorted().toList()) + "."));
        return null;
    }

    Boolean bool(String field) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        errors.add(new Problem.FieldError("/" + field, "true ou false attendu."));
        return null;
    }

    void error(String field, String detail) {
        errors.add(new Problem.FieldError("/" + field, detail));
    }

    /** @throws ProblemException 400 with every bad field, if any */
    void done(String what) {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400,
                    what + " ne respecte pas le format attendu : rien n'a été enregistré.").withErrors(errors));
        }
    }
}
