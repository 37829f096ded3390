package fr.repere.web.api;

import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads request bodies with a size limit, whether or not the client sent Content-Length, and
 * turns malformed JSON into a 400 that says where it broke.
 */
public final class JsonBodies {

    /** Far above a full questionnaire (~2 KB), far below what could hurt the server. */
    public static final int MAX_BYTES = 64 * 1024;

    private JsonBodies() {
    }

    public static byte[] readLimited(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(MAX_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ProblemException tooLarge(int maxBytes) {
        return new ProblemException(Problem.of("payload-too-large", "Requête trop volumineuse", 413,
                "Le corps de la requête dépasse " + (maxBytes / 1024) + " Ko : rien n'a été enregistré."));
    }

    public static JsonObject object(byte[] body) {
        if (body.length == 0) {
            throw malformed("Le corps de la requête est vide : un objet JSON est attendu.");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw malformed("JSON mal formé près de la ligne " + e.getLocation().getLineNumber()
                    + ", colonne " + e.getLocation().getColumnNumber() + ".");
        } catch (JsonException e) {
            throw malformed("JSON illisible (le corps doit être du JSON encodé en UTF-8).");
        } catch (RuntimeException e) {
            // Parsson's own limits throw plain runtime exceptions: nesting deeper than 1,000 levels
            // (RuntimeException), a number of more than 1,100 characters (UnsupportedOperationException).
            // Only the client's bytes are parsed here, so whatever fails is the client's JSON: a 400, no stack trace.
            throw malformed("JSON refusé : imbrication trop profonde ou nombre trop long.");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed("Un objet JSON est attendu ({ … }).");
        }
        return value.asJsonObject();
    }

    public static String text(byte[] body) {
        return new String(Arrays.copyOf(body, body.length), StandardCharsets.UTF_8);
    }

    public static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400, detail));
    }
}
