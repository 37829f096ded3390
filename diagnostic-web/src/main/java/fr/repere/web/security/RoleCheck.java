package fr.repere.web.security;

import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.web.api.problem.Problem;

import fr.repere.identity.Role;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.AnnotatedElement;
import java.time.Instant;
import java.util.Set;

/**
 * Role checks on every resource method: {@link Allowed} lets those roles in, {@link Public}
 * everyone, and a method with neither is refused to all — a new endpoint is closed
 * until someone decides who may use it. No session: 401; wrong role: 403, journaled.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (annotated(resource, Public.class)) {
            return;
        }
        Allowed allowed = resource.getResourceMethod().getAnnotation(Allowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(Allowed.class);
        }
        context.register(new Check(allowed == null ? Set.of() : Set.of(allowed.value())));
    }

    private static boolean annotated(ResourceInfo resource, Class<? extends java.lang.annotation.Annotation> type) {
        AnnotatedElement method = resource.getResourceMethod();
        return method.isAnnotationPresent(type) || resource.getResourceClass().isAnnotationPresent(type);
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {
        private final Set<Role> roles;

        Check(Set<Role> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Object principal = request.getSecurityContext().getUserPrincipal();
            Role role;
            JournalEntry.Actor actor;
            if (principal instanceof Caller caller) {
                role = caller.role();
                actor = caller.actor();
            } else if (principal instanceof HostSystem host) {
                role = Role.HOST;
                actor = host.actor();
            } else {
                request.abortWith(Problem.of("unauthenticated", "Connexion nécessaire", 401,
                        "Connectez-vous pour accéder à cette page.").toResponse());
                return;
            }
            if (!roles.contains(role)) {
                CDI.current().select(JournalWriter.class).get()
                        .appendRegardless(JournalEntry.refused(Instant.now(), actor, JournalAction.ACCESS_REFUSED, null));
                request.abortWith(Problem.of("forbidden", "Accès refusé", 403,
                        "Votre rôle (" + role.label() + ") ne permet pas cette action.").toResponse());
            }
        }
    }
}
