package fr.repere.caf.apiparticulier;

import fr.repere.caf.CafSituation.Benefit;
import fr.repere.caf.CafSituation.Provider;
import fr.repere.caf.CafSituation.QuotientFamilial;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * Translates API Particulier v3 payloads into the domain, reading only what {@link fr.repere.caf.CafSituation}
 * keeps: {@code data.quotient_familial} of the quotient familial answer (the claimants, children and
 * address next to it are never read), {@code est_beneficiaire} and {@code date_debut_droit} of the RSA
 * and prime d'activité answers.
 *
 * <p>Anything that does not follow the OpenAPI description (missing field, wrong type, unknown
 * provider, impossible month or date, incoherent entitlement) is a {@link MalformedPayloadException}.
 */
final class ApiParticulierMapper {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private ApiParticulierMapper() {
    }

    /** {@code data.quotient_familial {fournisseur, valeur, annee, mois}} of a 200 answer. */
    static QuotientFamilial quotientFamilial(String body) throws MalformedPayloadException {
        JsonObject qf = object(object(root(body), "data"), "quotient_familial");
        Provider provider = switch (string(qf, "fournisseur")) {
            case "CNAF" -> Provider.CNAF;
            case "MSA" -> Provider.MSA;
            default -> throw new MalformedPayloadException("unknown quotient_familial.fournisseur");
        };
        int valeur = integer(qf, "valeur");
        try {
            return new QuotientFamilial(valeur, provider, YearMonth.of(integer(qf, "annee"), integer(qf, "mois")));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new MalformedPayloadException("impossible quotient_familial value or period");
        }
    }

    /** {@code data {est_beneficiaire, date_debut_droit}} of a 200 RSA or prime d'activité answer. */
    static Benefit benefit(String body) throws MalformedPayloadException {
        JsonObject data = object(root(body), "data");
        JsonValue beneficiary = data.get("est_beneficiaire");
        if (beneficiary == null || !(beneficiary == JsonValue.TRUE || beneficiary == JsonValue.FALSE)) {
            throw new MalformedPayloadException("est_beneficiaire: boolean expected");
        }
        JsonValue start = data.get("date_debut_droit");
        LocalDate since = null;
        if (start != null && start.getValueType() != JsonValue.ValueType.NULL) {
            if (!(start instanceof JsonString text)) {
                throw new MalformedPayloadException("date_debut_droit: string expected");
            }
            try {
                since = LocalDate.parse(text.getString());
            } catch (DateTimeException e) {
                throw new MalformedPayloadException("date_debut_droit: YYYY-MM-DD expected");
            }
        } else if (start == null) {
            throw new MalformedPayloadException("date_debut_droit missing");
        }
        try {
            return new Benefit(beneficiary == JsonValue.TRUE, since);
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("entitlement start date given for a non-beneficiary");
        }
    }

    /**
     * First entry of an error answer ({@code errors[0]}: code, title, {@code meta.retry_in}); empty
     * if the body is no such answer. Never throws: an error answer only serves to explain.
     */
    static Optional<ApiError> firstError(String body) {
        try {
            JsonValue errors = root(body).get("errors");
            if (!(errors instanceof JsonArray list) || list.isEmpty() || !(list.get(0) instanceof JsonObject first)) {
                return Optional.empty();
            }
            String code = first.get("code") instanceof JsonString s ? s.getString() : null;
            String title = first.get("title") instanceof JsonString s ? s.getString() : null;
            Duration retryIn = null;
            if (first.get("meta") instanceof JsonObject meta && meta.get("retry_in") instanceof JsonNumber n
                    && n.isIntegral() && n.longValue() >= 0) {
                retryIn = Duration.ofSeconds(n.longValue());
            }
            return Optional.of(new ApiError(code, title, retryIn));
        } catch (MalformedPayloadException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JsonObject root(String body) throws MalformedPayloadException {
        if (body == null || body.isBlank()) {
            throw new MalformedPayloadException("empty body");
        }
        try (JsonReader reader = READERS.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw new MalformedPayloadException("JSON object expected");
            }
            return object;
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedPayloadException("not JSON");
        }
    }

    private static JsonObject object(JsonObject parent, String name) throws MalformedPayloadException {
        if (parent.get(name) instanceof JsonObject child) {
            return child;
        }
        throw new MalformedPayloadException(name + ": object expected");
    }

    private static String string(JsonObject parent, String name) throws MalformedPayloadException {
        if (parent.get(name) instanceof JsonString text) {
            return text.getString();
        }
        throw new MalformedPayloadException(name + ": string expected");
    }

    private static int integer(JsonObject parent, String name) throws MalformedPayloadException {
        if (parent.get(name) instanceof JsonNumber number) {
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                throw new MalformedPayloadException(name + ": integer expected");
            }
        }
        throw new MalformedPayloadException(name + ": number expected");
    }

    /** One entry of an API Particulier error answer; code and title are generic texts, no personal data. */
    record ApiError(String code, String title, Duration retryIn) {
    }

    /** The payload does not follow the OpenAPI description. The message never quotes the payload. */
    static final class MalformedPayloadException extends Exception {
        MalformedPayloadException(String message) {
            super(message, null, false, false);
        }
    }
}
