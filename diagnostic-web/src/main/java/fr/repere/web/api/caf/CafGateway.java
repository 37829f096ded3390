package fr.repere.web.api.caf;

import fr.repere.caf.CafLookup;
import fr.repere.caf.CivilStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Asks the CAF/MSA, with MicroProfile Fault Tolerance around the client: a transient failure
 * (time-out, network, 502/503/504) is retried twice with backoff, each attempt bounded by a
 * time-out; a 429 is respected — no call before its {@code Retry-After}. The client itself keeps
 * to 20 requests per second. {@link CafCircuit} stops asking for a while after repeated failures.
 * A failure that outlived the retries, or an open circuit, is thrown: {@link #unavailable} turns it
 * into what the worker reads.
 */
@ApplicationScoped
public class CafGateway {

    @Inject
    private CafSettings settings;

    @Inject
    private Clock clock;

    private volatile Instant notBefore = Instant.MIN;

    /** A failure worth retrying; carries what to answer if the retries fail too. */
    static final class TransientFailure extends RuntimeException {
        final transient CafLookup.Unavailable unavailable;

        TransientFailure(CafLookup.Unavailable unavailable) {
            super(unavailable.reason(), null, false, false);
            this.unavailable = unavailable;
        }
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = TransientFailure.class)
    public CafLookup lookup(CivilStatus person, YearMonth period, java.util.function.Consumer<String> calls) {
        Instant now = clock.instant();
        if (now.isBefore(notBefore)) {
            return new CafLookup.Unavailable("API Particulier a demandé d'attendre avant une nouvelle demande",
                    Duration.between(now, notBefore));
        }
        CafLookup lookup = settings.data().lookup(person, period, calls);
        if (lookup instanceof CafLookup.Unavailable u) {
            if (u.retryAfter() != null) {
                notBefore = now.plus(u.retryAfter());
            }
            if (u.transientFailure()) {
                throw new TransientFailure(u);
            }
        }
        return lookup;
    }

    /**
     * What to tell the worker when {@link #lookup} failed after its retries.
     */
    public static CafLookup unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientFailure t) {
                return t.unavailable;
            }
            if (cause instanceof TimeoutException) {
                return new CafLookup.Unavailable("API Particulier n'a pas répondu à temps", null, true);
            }
        }
        return new CafLookup.Unavailable("erreur lors de l'interrogation d'API Particulier ("
                + failure.getClass().getSimpleName() + ")", null);
    }
}
