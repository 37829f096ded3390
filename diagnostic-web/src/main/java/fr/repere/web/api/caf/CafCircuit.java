package fr.repere.web.api.caf;

import fr.repere.caf.CafLookup;
import fr.repere.caf.CivilStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A circuit breaker around {@link CafGateway}: after {@value #FAILURES} consultations in a row that
 * failed even with their retries, the CAF is not asked for {@link #OPEN} (consultations answer
 * "unavailable" at once), then one consultation tries again. MicroProfile Fault Tolerance's own
 * {@code @CircuitBreaker} never opened in Payara Micro 6.2025.10 once combined with {@code @Retry}
 * (CafIT showed it), hence this small one. Never throws.
 */
@ApplicationScoped
public class CafCircuit {

    static final int FAILURES = 3;
    static final Duration OPEN = Duration.ofSeconds(30);

    @Inject
    private CafGateway gateway;

    @Inject
    private Clock clock;

    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile Instant openUntil = Instant.MIN;

    /** A consultation's result and the requests it made (retries included), for the journal. */
    public record Consulted(CafLookup lookup, List<String> calls) {
    }

    public Consulted consult(CivilStatus person) {
        Instant now = clock.instant();
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        if (now.isBefore(openUntil)) {
            return new Consulted(new CafLookup.Unavailable("API Particulier ne répond plus depuis plusieurs demandes : nouvel essai "
                    + "possible dans " + Math.max(1, Duration.between(now, openUntil).toSeconds()) + " secondes",
                    Duration.between(now, openUntil)), List.of());
        }
        CafLookup lookup;
        try {
            lookup = gateway.lookup(person, null, calls::add);
        } catch (RuntimeException e) {
            lookup = CafGateway.unavailable(e);
        }
        if (lookup instanceof CafLookup.Unavailable u && u.transientFailure()) {
            if (failuresInARow.incrementAndGet() >= FAILURES) {
                openUntil = clock.instant().plus(OPEN);
                failuresInARow.set(0);
            }
        } else {
            failuresInARow.set(0);
        }
        return new Consulted(lookup, List.copyOf(calls));
    }
}
