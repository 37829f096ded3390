package fr.repere.web.api.directory;

import fr.repere.directory.PlaceMatching;
import fr.repere.territory.Commune;
import fr.repere.territory.Geography;
import fr.repere.web.api.problem.Pointers;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/diagnostics/{id}/places}: the INSEE code of the person's
 * {@code commune} (required), optionally the point to start from ({@code latitude},
 * {@code longitude}: used for distances, never stored) and how many places per need
 * ({@code limit}, 1-50, 10 by default).
 */
public record PlacesRequest(Commune commune, PlaceMatching.Point from, int limit) {

    private static final Set<String> FIELDS = Set.of("commune", "latitude", "longitude", "limit");

    static PlacesRequest from(JsonObject body, Geography geography) {
        List<Problem.FieldError> errors = new ArrayList<>();
        body.keySet().stream().filter(k -> !FIELDS.contains(k))
                .forEach(k -> errors.add(new Problem.FieldError("/" + Pointers.escape(k), "Champ inconnu.")));
        Commune commune = null;
        if (body.get("commune") instanceof JsonString s) {
            commune = geography.commune(s.getString()).orElse(null);
            if (commune == null) {
                errors.add(new Problem.FieldError("/commune", "Aucune commune actuelle n'a le code INSEE « " + s.getString()
                        + " » (le code INSEE n'est pas le code postal : cherchez la commune par son nom)."));
            }
        } else {
            errors.add(new Problem.FieldError("/commune", "Le code INSEE de la commune de la personne est attendu (exemple : \"59350\")."));
        }
        Double lat = number(body, "latitude", -90, 90, errors);
        Double lon = number(body, "longitude", -180, 180, errors);
        if ((lat == null) != (lon == null) && errors.isEmpty()) {
            errors.add(new Problem.FieldError(lat == null ? "/latitude" : "/longitude", "Latitude et longitude vont ensemble."));
        }
        Double limit = number(body, "limit", 1, 50, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400,
                    "La recherche de lieux ne peut pas être faite : voir les champs en erreur.").withErrors(errors));
        }
        return new PlacesRequest(commune, lat == null || lon == null ? null : new PlaceMatching.Point(lat, lon),
                limit == null ? 10 : limit.intValue());
    }

    private static Double number(JsonObject body, String field, double min, double max, List<Problem.FieldError> errors) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.doubleValue();
        }
        errors.add(new Problem.FieldError("/" + field, "Nombre attendu, entre " + (int) min + " et " + (int) max + "."));
        return null;
    }
}
