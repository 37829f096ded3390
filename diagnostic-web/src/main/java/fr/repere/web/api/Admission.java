package fr.repere.web.api;

import fr.repere.web.api.problem.Problem;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/**
 * Every API request passes the node's {@link AdmissionGate} first, before the session is looked
 * up or the body read: refused at once with 503, Retry-After and problem+json when the node is full.
 * The turn is given back when the answer is ready, and in any case when the request ends (the
 * listener), so that no failure path can keep it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class Admission implements ContainerRequestFilter, ContainerResponseFilter {

    /** Seconds a refused client waits: the overload of a node passes in about that time. */
    static final String RETRY_AFTER_SECONDS = "1";
    private static final String TURN = Admission.class.getName() + ".turn";

    @Inject
    private AdmissionSettings settings;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<AdmissionGate.Turn> turn = settings.gate().enter();
        if (turn.isEmpty()) {
            request.abortWith(Response.fromResponse(overloaded().toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build());
            return;
        }
        // a servlet attribute, which the listener below sees too (Jersey's request properties are the same map)
        servletRequest.setAttribute(TURN, turn.get());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (servletRequest.getAttribute(TURN) instanceof AdmissionGate.Turn turn) {
            turn.release();
        }
    }

    static Problem overloaded() {
        return Problem.of("overloaded", "Service momentanément surchargé", 503,
                "Trop de demandes arrivent en même temps : celle-ci n'a pas été traitée et rien n'a été enregistré. "
                        + "Réessayez dans un instant.");
    }

    /** Gives back a turn that no response filter gave back (a failure past the resource). */
    @WebListener
    public static class RequestEnd implements ServletRequestListener {
        @Override
        public void requestDestroyed(ServletRequestEvent event) {
            if (event.getServletRequest().getAttribute(TURN) instanceof AdmissionGate.Turn turn) {
                turn.release();
            }
        }
    }
}
