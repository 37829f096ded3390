package fr.repere.web.api.problem;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A persistence failure: 503 with Retry-After only when the database cannot be reached (a tablet
 * then retries later with the same Idempotency-Key; the transaction was rolled back, nothing is
 * half-written), 409 when a constraint refused the write, otherwise a 500 with an incident number.
 * {@link Failures} decides, for this mapper and the one for everything else alike.
 */
@Provider
public class DatabaseUnavailableMapper implements ExceptionMapper<PersistenceException> {

    @Override
    public Response toResponse(PersistenceException e) {
        return ServerErrors.answer(e);
    }
}
