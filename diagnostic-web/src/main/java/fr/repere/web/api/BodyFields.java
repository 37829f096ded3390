package fr.repere.web.api;

import fr.repere.web.api.problem.Pointers;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a flat (or one-level nested) JSON request body, collecting every bad field as a JSON
 * pointer before answering 400 once, in French.
 */
public final class BodyFields {

    private final JsonObject body;
    private final String prefix;
    private final List<Problem.FieldError> errors;

    public BodyFields(JsonObject body, Set<String> fields) {
        this(body, fields, "", new ArrayList<>());
    }

    private BodyFields(JsonObject body, Set<String> fields, String prefix, List<Problem.FieldError> errors) {
        this.body = body;
        this.prefix = prefix;
        this.errors = errors;
        body.keySet().stream().filter(k -> !fields.contains(k))
                .forEach(k -> errors.add(new Problem.FieldError(prefix + "/" + Pointers.escape(k), "Champ inconnu.")));
    }

    /** The nested object {@code field}, read with the same error list; null (and an error) if absent or not an object. */
    public BodyFields object(String field, Set<String> fields) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(new Problem.FieldError(prefix + "/" + field, "Un objet JSON est attendu."));
            return null;
        }
        return new BodyFields(v.asJsonObject(), fields, prefix + "/" + field, errors);
    }

    /** The JSON object {@code field} as it is (for a standard document such as a JWK Set); null (and an error if required) otherwise. */
    public JsonObject json(String field, boolean required) {
        JsonValue v = body.get(field);
        if (v != null && v.getValueType() == JsonValue.ValueType.OBJECT) {
            return v.asJsonObject();
        }
        if (v != null && v.getValueType() != JsonValue.ValueType.NULL || required) {
            errors.add(new Problem.FieldError(prefix + "/" + field, "Un objet JSON est attendu."));
        }
        return null;
    }

    /** A text of 1 to {@code max} characters once trimmed; null (and an error if required) otherwise. */
    public String text(String field, int max, boolean required) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                error(field, "Champ obligatoire.");
            }
            return null;
        }
        if (v instanceof JsonString s && !s.getString().isBlank() && s.getString().strip().length() <= max) {
            return s.getString().strip();
        }
        error(field, "Un texte de 1 à " + max + " caractères est attendu.");
        return null;
    }

    /** A text matching {@code pattern}; {@code expected} says in French what is expected. */
    public String matching(String field, String pattern, String expected, boolean required) {
        String t = text(field, 200, required);
        if (t != null && !t.matches(pattern)) {
            error(field, expected);
            return null;
        }
        return t;
    }

    /** A list of texts (each 1 to {@code max} characters); empty if absent. */
    public List<String> texts(String field, int max, Set<String> allowed) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            error(field, "Une liste de textes est attendue.");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<JsonValue> items = v.asJsonArray();
        for (int i = 0; i < items.size(); i++) {
            JsonValue item = items.get(i);
            if (!(item instanceof JsonString s) || s.getString().isBlank() || s.getString().strip().length() > max
                    || s.getString().contains("|")) {
                errors.add(new Problem.FieldError(prefix + "/" + field + "/" + i,
                        "Un texte de 1 à " + max + " caractères, sans « | », est attendu."));
            } else if (allowed != null && !allowed.contains(s.getString().strip())) {
                errors.add(new Problem.FieldError(prefix + "/" + field + "/" + i,
                        "Valeur attendue, à l'identique : " + String.join(" ; ", allowed.stream().sorted().toList()) + "."));
            } else {
                out.add(s.getString().strip());
            }
        }
        return out;
    }

    /** One of an enum's codes; null (and an error if required) otherwise. */
    public <E extends Enum<E>> E code(String field, Set<E> allowed, boolean required) {
        String code = text(field, 32, required);
        if (code == null) {
            return null;
        }
        for (E e : allowed) {
            if (e.name().equals(code)) {
                return e;
            }
        }
        error(field, "Valeur attendue : " + String.join(", ", allowed.stream().map(Enum::name).sorted().toList()) + ".");
        return null;
    }

    /** A list of an enum's codes, at least one, no repeats. */
    public <E extends Enum<E>> List<E> codes(String field, Set<E> allowed) {
        List<String> texts = texts(field, 32, allowed.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
        if (texts.isEmpty() && errors.stream().noneMatch(e -> e.pointer().startsWith(prefix + "/" + field))) {
            error(field, "Au moins une valeur est attendue.");
        }
        if (texts.size() != Set.copyOf(texts).size()) {
            error(field, "Chaque valeur une seule fois.");
        }
        return texts.stream().map(t -> allowed.stream().filter(e -> e.name().equals(t)).findFirst().orElseThrow()).toList();
    }

    /** true or false; null if absent (an error if anything else). */
    public Boolean bool(String field) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        error(field, "true ou false attendu.");
        return null;
    }

    public void error(String field, String detail) {
        errors.add(new Problem.FieldError(prefix + "/" + field, detail));
    }

    /** @throws ProblemException 400 with every bad field, if any */
    public void done(String what) {
        done(what, "rien n'a été enregistré");
    }

    /** @throws ProblemException 400 with every bad field, if any, saying what did not happen */
    public void done(String what, String consequence) {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400,
                    what + " ne respecte pas le format attendu : " + consequence + ".").withErrors(errors));
        }
    }
}
