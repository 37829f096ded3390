package fr.repere.web.security;

import fr.repere.identity.Role;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a resource method (on the class: all its methods, unless a method says
 * otherwise). Checked by {@link RoleCheck}. Repère's own annotation rather than
 * {@code @RolesAllowed}, which Payara would enforce against the container's login, not ours.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {

    Role[] value();
}
