package fr.repere.web.api;

import fr.repere.web.api.problem.Problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a declared oversized body before reading any of it, and closes the connection so the
 * client stops sending. Bodies without Content-Length are bounded by {@link JsonBodies#readLimited}.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    /** Uploads of decision tables (multipart) and scans of signed attestations may be larger than JSON bodies. */
    static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
    /** Directory files (CSV of places, streamed to disk): the national file is about 15 MB. */
    static final int MAX_DIRECTORY_BYTES = 200 * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        boolean upload = type != null && ("multipart".equals(type.getType()) || "image".equals(type.getType())
                || type.isCompatible(MediaType.valueOf("application/pdf")) || type.isCompatible(MediaType.APPLICATION_OCTET_STREAM_TYPE));
        boolean directory = request.getUriInfo().getPath().contains("directory/imports");
        int limit = directory ? MAX_DIRECTORY_BYTES : upload ? MAX_UPLOAD_BYTES : JsonBodies.MAX_BYTES;
        if (request.getLength() > limit) {
            request.abortWith(Response.fromResponse(JsonBodies.tooLarge(limit).problem().toResponse())
                    .header("Connection", "close")
                    .build());
        }
    }
}
