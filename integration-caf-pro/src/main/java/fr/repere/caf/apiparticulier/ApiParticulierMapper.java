package fr.repere.caf.apiparticulier;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the two things Repère takes from an API Particulier v3 answer, and nothing else.
 *
 * <ul>
 *   <li>200 of the RSA or prime d'activité endpoint: {@code data.est_beneficiaire}, which must be a
 *       JSON boolean. Every other field ({@code avec_majoration}, {@code date_debut_droit}, links,
 *       meta, unknown fields) is ignored whatever its value or format: no rule reads it, so it
 *       cannot make an answer unreadable.</li>
 *   <li>Error answer: the {@code code} of {@code errors[0]}, only if it looks like an API Particulier
 *       code ({@value #CODE_PATTERN}), and {@code meta.retry_in}. The {@code title} and
 *       {@code detail} are never read: they are the provider's free text and may echo the identity.</li>
 * </ul>
 * A JSON document with a repeated member name is unreadable (which of the two would count?).
 */
final class ApiParticulierMapper {

    static final String CODE_PATTERN = "[0-9A-Za-z]{1,10}";

    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private ApiParticulierMapper() {
    }

    /** {@code data.est_beneficiaire} of a 200 RSA or prime d'activité answer. */
    static boolean beneficiary(String body) throws MalformedPayloadException {
        if (!(root(body).get("data") instanceof JsonObject data)) {
            throw new MalformedPayloadException("data: object expected");
        }
        JsonValue beneficiary = data.get("est_beneficiaire");
        if (beneficiary == JsonValue.TRUE) {
            return true;
        }
        if (beneficiary == JsonValue.FALSE) {
            return false;
        }
        throw new MalformedPayloadException("est_beneficiaire: boolean expected");
    }

    /**
     * The code and the asked wait of the first entry of an error answer ({@code errors[0]}); empty
     * if the body is no such answer. Never throws: an error answer only serves to classify.
     */
    static Optional<ApiError> firstError(String body) {
        try {
            JsonValue errors = root(body).get("errors");
            if (!(errors instanceof JsonArray list) || list.isEmpty() || !(list.get(0) instanceof JsonObject first)) {
                return Optional.empty();
            }
            String code = first.get("code") instanceof JsonString s && CODE.matcher(s.getString()).matches()
                    ? s.getString() : null;
            Duration retryIn = null;
            if (first.get("meta") instanceof JsonObject meta && meta.get("retry_in") instanceof JsonNumber n
                    && n.isIntegral() && n.bigIntegerValue().signum() >= 0 && n.bigIntegerValue().bitLength() < 32) {
                retryIn = Duration.ofSeconds(n.longValue());
            }
            return Optional.of(new ApiError(code, retryIn));
        } catch (MalformedPayloadException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The body as one JSON object: nothing after it (checked by a first, streaming pass), no member
     * name repeated (checked by the reader). The first pass walks the events itself: Parsson 1.1.7's
     * {@code skipObject()} never returns on a truncated document.
     */
    private static JsonObject root(String body) throws MalformedPayloadException {
        if (body == null || body.isBlank()) {
            throw new MalformedPayloadException("empty body");
        }
        try {
            try (JsonParser parser = PARSERS.createParser(new StringReader(body))) {
                if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                    throw new MalformedPayloadException("JSON object expected");
                }
                int depth = 1;
                while (depth > 0) {
                    JsonParser.Event event = parser.next();
                    if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                        depth++;
                    } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                        depth--;
                    }
                }
                if (parser.hasNext()) {
                    throw new MalformedPayloadException("content after the JSON object");
                }
            }
            try (JsonReader reader = READERS.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        } catch (RuntimeException e) {
            // JsonException, NoSuchElementException at the end of a truncated body, and the plain
            // RuntimeException Parsson throws beyond its nesting limit
            throw new MalformedPayloadException("not JSON");
        }
    }

    /**
     * What Repère keeps of an error answer.
     *
     * @param code    the API's error code if it has the expected shape, else {@code null}
     * @param retryIn {@code meta.retry_in}, the wait asked, or {@code null}
     */
    record ApiError(String code, Duration retryIn) {
    }

    /** The payload does not follow the OpenAPI description. The message never quotes the payload. */
    static final class MalformedPayloadException extends Exception {
        MalformedPayloadException(String message) {
            super(message, null, false, false);
        }
    }
}
