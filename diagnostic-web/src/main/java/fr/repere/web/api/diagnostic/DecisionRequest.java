package fr.repere.web.api.diagnostic;

import fr.repere.diagnostic.ComplementaryAction;
import fr.repere.diagnostic.Orientation;
import fr.repere.web.api.problem.Pointers;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code PUT /api/v1/diagnostics/{id}/decision}: the final {@code orientation}, the
 * kept and added {@code actions}, and the {@code reason} (required when departing from the
 * proposal, checked by the aggregate).
 */
public record DecisionRequest(Orientation orientation, Set<ComplementaryAction> actions, String reason) {

    private static final Set<String> FIELDS = Set.of("orientation", "actions", "reason");
    private static final int MAX_REASON = 1000;

    public static DecisionRequest from(JsonObject body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        body.keySet().stream().filter(k -> !FIELDS.contains(k))
                .forEach(k -> errors.add(new Problem.FieldError("/" + Pointers.escape(k), "Champ inconnu.")));

        Orientation orientation = null;
        JsonValue o = body.get("orientation");
        if (o instanceof JsonString s && isOneOf(s.getString(), Orientation.class)) {
            orientation = Orientation.valueOf(s.getString());
        } else {
            errors.add(new Problem.FieldError("/orientation",
                    "Orientation attendue : AUTONOMOUS, TRAIN, MEDIATOR ou ON_BEHALF."));
        }

        Set<ComplementaryAction> actions = EnumSet.noneOf(ComplementaryAction.class);
        JsonValue a = body.get("actions");
        if (a != null && a.getValueType() != JsonValue.ValueType.NULL) {
            if (a instanceof JsonArray array) {
                for (int i = 0; i < array.size(); i++) {
                    JsonValue item = array.get(i);
                    if (item instanceof JsonString s && isOneOf(s.getString(), ComplementaryAction.class)) {
                        actions.add(ComplementaryAction.valueOf(s.getString()));
                    } else {
                        errors.add(new Problem.FieldError("/actions/" + i, "Action complémentaire inconnue."));
                    }
                }
            } else {
                errors.add(new Problem.FieldError("/actions", "Une liste de codes d'actions est attendue."));
            }
        }

        String reason = null;
        JsonValue r = body.get("reason");
        if (r != null && r.getValueType() != JsonValue.ValueType.NULL) {
            if (r instanceof JsonString s && s.getString().length() <= MAX_REASON) {
                reason = s.getString();
            } else {
                errors.add(new Problem.FieldError("/reason", "Un texte de " + MAX_REASON + " caractères au plus est attendu."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400,
                    "La décision ne respecte pas le format attendu : rien n'a été enregistré.").withErrors(errors));
        }
        return new DecisionRequest(orientation, actions, reason);
    }

    private static <E extends Enum<E>> boolean isOneOf(String code, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
