package fr.repere.web.security;

import fr.repere.identity.HostCredential;
import fr.repere.journal.RefusalKind;
import fr.repere.web.api.problem.Problem;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;

/**
 * Recognises a host system calling with {@code Authorization: Bearer rpk_…}. Runs after
 * {@link CallerFilter}: a request with a key is the host's, whatever cookie it carries. No CSRF
 * token is needed, since a key is never sent by a browser on its own. A refused key is counted per
 * source address and minute ({@link LoginProtection#refused}), not journaled one entry each: a
 * misconfigured or hostile client can send hundreds a second.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class HostKeyFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    private HostKeys keys;

    @Inject
    private LoginProtection protection;

    @Inject
    private ClientAddress addresses;

    @Context
    private HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString("Authorization");
        if (authorization == null || !authorization.startsWith(BEARER + HostCredential.PREFIX)) {
            return;
        }
        HostSystem host = keys.recognise(authorization.substring(BEARER.length()).strip()).orElse(null);
        if (host == null) {
            protection.refused(addresses.of(http), RefusalKind.HOST_KEY_REFUSED);
            request.abortWith(Problem.of("unauthenticated", "Clé refusée", 401,
                    "Clé d'accès inconnue ou révoquée : demandez une nouvelle clé à l'administrateur Repère.").toResponse());
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return host;
            }

            @Override
            public boolean isUserInRole(String role) {
                return "HOST".equals(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "BEARER";
            }
        });
    }
}
