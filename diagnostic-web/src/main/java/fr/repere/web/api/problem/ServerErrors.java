package fr.repere.web.api.problem;

import jakarta.ws.rs.core.Response;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The answer to every failure that is not the client's, after {@link Failures} said what it is:
 * an outage is a 503 with Retry-After (one log line, no stack trace: the cause is outside), a
 * constraint refusing the write a 409, anything else a 500 whose incident number is both in the
 * answer and in the single log line that carries the stack trace.
 */
public final class ServerErrors {

    private static final Logger LOG = Logger.getLogger(ServerErrors.class.getName());
    /** Seconds a client waits before trying again after an outage: MariaDB restarts in a few seconds. */
    static final String RETRY_AFTER_SECONDS = "10";
    /** After a lock or statement timeout: the contention is usually over within a second or two. */
    static final String RETRY_AFTER_BUSY_SECONDS = "2";
    /** While writes are refused: an operator has to act (space, failover), not a matter of seconds. */
    static final String RETRY_AFTER_READ_ONLY_SECONDS = "60";

    private ServerErrors() {
    }

    /** The problem to answer, and the Retry-After header to send with it (null: none). */
    public record Answer(Problem problem, String retryAfter) {
        Response toResponse() {
            Response r = problem.toResponse();
            return retryAfter == null ? r : Response.fromResponse(r).header("Retry-After", retryAfter).build();
        }
    }

    public static Response answer(Throwable failure) {
        return decide(failure).toResponse();
    }

    /** Classifies and logs (once): what {@link #answer} sends; also used outside JAX-RS (servlet error pages). */
    public static Answer decide(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        return switch (Failures.classify(failure)) {
            case DATABASE_UNAVAILABLE -> {
                LOG.warning(() -> "Incident " + incident + ": database unavailable (" + rootCause(failure) + ")");
                yield new Answer(Problem.of("service-unavailable", "Service momentanément indisponible", 503,
                        "La base de données ne répond pas ; rien n'a été enregistré. Réessayez dans quelques instants. "
                                + "Référence : " + incident + ".").withIncident(incident), RETRY_AFTER_SECONDS);
            }
            case DATABASE_BUSY -> {
                LOG.warning(() -> "Incident " + incident + ": database busy (" + rootCause(failure) + ")");
                yield new Answer(Problem.of("service-busy", "Service momentanément surchargé", 503,
                        "La base de données n'a pas pu répondre à temps ; rien n'a été enregistré. Réessayez dans quelques secondes. "
                                + "Référence : " + incident + ".").withIncident(incident), RETRY_AFTER_BUSY_SECONDS);
            }
            case DATABASE_READ_ONLY -> {
                LOG.warning(() -> "Incident " + incident + ": database refuses writes (" + rootCause(failure) + ")");
                yield new Answer(Problem.of("read-only", "Enregistrements momentanément suspendus", 503,
                        "La base de données n'accepte plus d'écriture pour le moment (maintenance ou espace disque) ; "
                                + "rien n'a été enregistré, la consultation reste possible. Réessayez plus tard. "
                                + "Référence : " + incident + ".").withIncident(incident), RETRY_AFTER_READ_ONLY_SECONDS);
            }
            case CONSTRAINT_VIOLATION -> {
                LOG.info(() -> "Incident " + incident + ": write refused by a constraint (" + rootCause(failure) + ")");
                yield new Answer(Problem.of("conflict", "Enregistrement impossible", 409,
                        "Cet enregistrement contredit des données déjà enregistrées (doublon ou élément supprimé entre-temps) : "
                                + "rechargez puis réessayez. Référence : " + incident + ".").withIncident(incident), null);
            }
            case CONCURRENT_CHANGE -> new Answer(ConcurrentChangeMapper.problem(), null);
            case UNEXPECTED -> {
                LOG.log(Level.SEVERE, "Incident " + incident, failure);
                yield new Answer(Problem.of("internal-error", "Erreur interne", 500,
                        "Une erreur inattendue s'est produite. Si elle se répète, communiquez cette référence à votre administrateur : "
                                + incident + ".").withIncident(incident), null);
            }
        };
    }

    /** The innermost cause, class and message: enough to tell an outage from another without a stack trace. */
    static String rootCause(Throwable failure) {
        Throwable root = failure;
        for (int i = 0; i < 50 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }
}
