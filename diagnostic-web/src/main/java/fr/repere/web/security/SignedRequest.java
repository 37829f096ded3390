package fr.repere.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request that carries its own proof, signed and usable once (a host system's signed launch):
 * it comes from another site by design, so no session nor anti-CSRF token of Repère is expected;
 * the session it opens replaces any session the browser had.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SignedRequest {
}
