package fr.repere.web.api.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The response to remember for a key, and to send again on each replay. */
public record StoredResponse(int status, String location, String body) {

    public Response toResponse() {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(body);
        if (location != null) {
            r.location(URI.create(location));
        }
        return r.build();
    }
}
