package fr.repere.web.api;

import fr.repere.web.api.problem.Problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a declared oversized body before reading any of it, and closes the connection so the
 * client stops sending. Bodies without Content-Length are bounded by {@link JsonBodies#readLimited}.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > JsonBodies.MAX_BYTES) {
            request.abortWith(Response.fromResponse(JsonBodies.tooLarge().problem().toResponse())
                    .header("Connection", "close")
                    .build());
        }
    }
}
