package fr.repere.web.security;

import fr.repere.web.api.problem.Problem;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.MessageDigest;
import java.security.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Recognises the agent of the session cookie: ends a session older than 12 hours (the idle limit
 * of 30 minutes is the servlet session timeout) or whose account was deactivated or changed, and refuses a state-changing request whose
 * {@code X-CSRF-Token} header does not echo the session's token.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter {

    static final Duration ABSOLUTE_LIMIT = Duration.ofHours(12);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    private HttpServletRequest http;

    @jakarta.inject.Inject
    private AccountStatus accounts;

    @Context
    private jakarta.ws.rs.container.ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource != null && resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(SignedRequest.class)) {
            return; // its own signed, one-use proof; whatever session the browser had is replaced
        }
        HttpSession session = http.getSession(false);
        Caller caller = session == null ? null : (Caller) session.getAttribute(Caller.SESSION_ATTRIBUTE);
        if (caller != null && caller.since().plus(ABSOLUTE_LIMIT).isBefore(Instant.now())) {
            session.invalidate();
            caller = null;
        }
        if (caller != null && !accounts.stillValid(caller)) {
            session.invalidate(); // deactivated or changed by an administrator: the session ends here
            caller = null;
        }
        if (caller == null) {
            return;
        }
        if (!SAFE.contains(request.getMethod()) && !tokenMatches(caller, request.getHeaderString("X-CSRF-Token"))) {
            request.abortWith(Problem.of("csrf", "Requête refusée", 403,
                    "Jeton anti-falsification (X-CSRF-Token) absent ou incorrect : rechargez la page.").toResponse());
            return;
        }
        Caller who = caller;
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return who;
            }

            @Override
            public boolean isUserInRole(String role) {
                return who.role().name().equals(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "SESSION";
            }
        });
    }

    private static boolean tokenMatches(Caller caller, String token) {
        return token != null && MessageDigest.isEqual(caller.csrfToken().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
