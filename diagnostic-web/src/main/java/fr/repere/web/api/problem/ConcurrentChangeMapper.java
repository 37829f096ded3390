package fr.repere.web.api.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Two devices saved the same record at once: the second gets 409 and can reload, nothing is lost silently. */
@Provider
public class ConcurrentChangeMapper implements ExceptionMapper<OptimisticLockException> {

    @Override
    public Response toResponse(OptimisticLockException e) {
        return problem().toResponse();
    }

    static Problem problem() {
        return Problem.of("concurrent-change", "Modification simultanée", 409,
                "Ces réponses ont été modifiées au même moment depuis un autre appareil : rechargez puis réessayez.");
    }
}
