package fr.repere.web.api.caf;

import fr.repere.caf.CafData;
import fr.repere.caf.CafLookup;
import fr.repere.caf.CivilStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Asks the CAF/MSA, with MicroProfile Fault Tolerance around the client: a provider that is down
 * (time-out, network, 5xx) is retried twice with backoff. Each request is bounded by the one
 * time-out setting ({@code repere.caf.timeout}, enforced by the client on the whole answer, body
 * included): no second time limit here. When the source asks to wait ({@code Retry-After}), no
 * request leaves before that time, counted from its reply. {@link CafCircuit} stops asking for a
 * while after repeated failures. A failure that outlived the retries is thrown: {@link #unavailable}
 * turns it into what is recorded.
 */
@ApplicationScoped
public class CafGateway {

    @Inject
    private CafData source;

    @Inject
    private Clock clock;

    private volatile Instant notBefore = Instant.MIN;

    public CafGateway() {
        // for CDI
    }

    CafGateway(CafData source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** A failure worth retrying; carries what to answer if the retries fail too. */
    static final class TransientFailure extends RuntimeException {
        final transient CafLookup.Unavailable unavailable;

        TransientFailure(CafLookup.Unavailable unavailable) {
            super(unavailable.reason(), null, false, false);
            this.unavailable = unavailable;
        }
    }

    @Retry(maxRetries = CafSettings.ATTEMPTS - 1, delay = 300, jitter = 100, retryOn = TransientFailure.class)
    public CafLookup lookup(CivilStatus person, Consumer<String> calls) {
        Instant now = clock.instant();
        if (now.isBefore(notBefore)) {
            return new CafLookup.Unavailable(CafLookup.Failure.RATE_LIMITED,
                    "API Particulier a demandé d'attendre avant une nouvelle demande", Duration.between(now, notBefore));
        }
        CafLookup lookup = source.lookup(person, calls);
        if (lookup instanceof CafLookup.Unavailable u) {
            if (u.retryAfter() != null) {
                notBefore = clock.instant().plus(u.retryAfter()); // from the reply, not from the request
            }
            if (u.transientFailure()) {
                throw new TransientFailure(u);
            }
        }
        return lookup;
    }

    /** What to record when {@link #lookup} failed after its retries, or failed in Repère itself. */
    public static CafLookup unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientFailure t) {
                return t.unavailable;
            }
        }
        return new CafLookup.Unavailable(CafLookup.Failure.INTERNAL, "erreur interne de Repère pendant l'interrogation ("
                + failure.getClass().getSimpleName() + ")", null);
    }
}
