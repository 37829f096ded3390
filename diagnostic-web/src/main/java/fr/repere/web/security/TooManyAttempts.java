package fr.repere.web.security;

import fr.repere.web.api.problem.Problem;

import jakarta.ws.rs.core.Response;

import java.time.Duration;

/**
 * The answer to a login that must wait: 429 {@code too-many-requests} with {@code Retry-After} in
 * seconds. The same answer whether the account or the address must wait, and whether the account
 * exists or not.
 */
final class TooManyAttempts {

    private TooManyAttempts() {
    }

    static Response response(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        long minutes = (seconds + 59) / 60;
        Problem problem = Problem.of("too-many-requests", "Trop de tentatives de connexion", 429,
                "Trop de tentatives de connexion ont échoué : réessayez dans " + minutes + (minutes > 1 ? " minutes" : " minute")
                        + ". Si vous avez oublié votre mot de passe, adressez-vous à l'administrateur de Repère de votre "
                        + "structure.");
        return Response.fromResponse(problem.toResponse()).header("Retry-After", Long.toString(seconds)).build();
    }
}
