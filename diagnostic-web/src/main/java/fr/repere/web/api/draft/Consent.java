package fr.repere.web.api.draft;

import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * The {@code consent} field of {@code POST /api/v1/drafts}: the worker read the information notice
 * to the person, who agreed to the interview. It must be {@code true}; the draft records when.
 */
final class Consent {

    static final String FIELD = "consent";

    private Consent() {
    }

    /** The body without the field: the answers part. */
    static JsonObject without(JsonObject body) {
        return body.containsKey(FIELD) ? Json.createObjectBuilder(body).remove(FIELD).build() : body;
    }

    /** Refuses the request (422 on {@code /consent}) unless consent is {@code true}. */
    static void require(JsonObject body) {
        if (!JsonValue.TRUE.equals(body.get(FIELD))) {
            throw new ProblemException(Problem.of("consent-required", "Consentement nécessaire", 422,
                    "Lisez la notice d'information à la personne et notez son accord avant de commencer : rien n'a été enregistré.")
                    .withErrors(List.of(new Problem.FieldError("/" + FIELD,
                            "Indiquez que la personne a été informée et qu'elle est d'accord (true)."))));
        }
    }
}
