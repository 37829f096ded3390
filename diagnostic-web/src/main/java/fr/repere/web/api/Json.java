package fr.repere.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * JSON responses of the API. Bodies are written here rather than by the JAX-RS provider so that
 * the exact bytes can be stored for idempotent replays; personal data is never cached.
 */
public final class Json {

    public static final MediaType UTF8_JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
    private static final Jsonb JSONB = JsonbBuilder.create();

    private Json() {
    }

    public static String write(Object view) {
        return JSONB.toJson(view);
    }

    public static Response ok(Object view) {
        return Response.ok(write(view), UTF8_JSON).header("Cache-Control", "no-store").build();
    }

    public static Response created(String location, Object view) {
        return Response.created(URI.create(location)).type(UTF8_JSON).header("Cache-Control", "no-store")
                .entity(write(view)).build();
    }
}
