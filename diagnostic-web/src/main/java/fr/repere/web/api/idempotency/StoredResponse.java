package fr.repere.web.api.idempotency;

import fr.repere.web.api.Json;

import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The response to remember for a key, and to send again on each replay. */
public record StoredResponse(int status, String location, String body) {

    public Response toResponse() {
        Response.ResponseBuilder r = Response.status(status).type(Json.UTF8_JSON)
                .header("Cache-Control", "no-store")
                .entity(body);
        if (location != null) {
            r.location(URI.create(location));
        }
        return r.build();
    }
}
