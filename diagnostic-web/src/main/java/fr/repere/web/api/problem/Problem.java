package fr.repere.web.api.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem detail. Extension members: {@code errors} lists the offending fields as
 * JSON pointers into the request body (e.g. {@code /answers/ACC_EQUIPEMENT}); {@code locations}
 * points into uploaded files (decision tables: file, sheet, row, column). {@code instance} (RFC 9457)
 * names one occurrence: {@code urn:repere:incident:<id>} for a server error, the id also in the log line.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      List<FileLocation> locations, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String PROBLEM_JSON = MEDIA_TYPE + ";charset=UTF-8";
    private static final Jsonb JSONB = JsonbBuilder.create();

    public record FieldError(String pointer, String detail) {
    }

    public record FileLocation(String file, String sheet, Integer row, String column, String detail) {
    }

    public Problem(String type, String title, int status, String detail, List<FieldError> errors, List<FileLocation> locations) {
        this(type, title, status, detail, errors, locations, null);
    }

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        locations = locations == null || locations.isEmpty() ? null : List.copyOf(locations);
    }

    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem("urn:repere:problem:" + kind, title, status, detail, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors, locations, instance);
    }

    public Problem withLocations(List<FileLocation> fileLocations) {
        return new Problem(type, title, status, detail, errors, fileLocations, instance);
    }

    public Problem withIncident(String incident) {
        return new Problem(type, title, status, detail, errors, locations, "urn:repere:incident:" + incident);
    }

    public Response toResponse() {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .header("Cache-Control", "no-store")
                .entity(toJson())
                .build();
    }

    public String toJson() {
        return JSONB.toJson(this);
    }
}
