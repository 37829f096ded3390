package fr.repere.web.api.problem;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database could not be used (down, restarting): 503 with Retry-After, so a tablet retries
 * later with the same Idempotency-Key; the transaction was rolled back, nothing is half-written.
 */
@Provider
public class DatabaseUnavailableMapper implements ExceptionMapper<PersistenceException> {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class.getName());

    @Override
    public Response toResponse(PersistenceException e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident + ": database not usable", e);
        return Response.fromResponse(Problem.of("service-unavailable", "Service momentanément indisponible", 503,
                        "La base de données ne répond pas ; rien n'a été enregistré. Réessayez dans quelques instants. Référence : "
                                + incident + ".").toResponse())
                .header("Retry-After", "10")
                .build();
    }
}
