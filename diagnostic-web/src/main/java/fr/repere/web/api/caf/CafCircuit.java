package fr.repere.web.api.caf;

import fr.repere.caf.CafLookup;
import fr.repere.caf.CivilStatus;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A circuit breaker around {@link CafGateway} ({@link CircuitState}): after {@value #FAILURES}
 * consultations in a row whose provider failed even with their retries — time-outs, 5xx, refused
 * token or habilitation — the CAF is not asked for the configured pause; then one consultation
 * probes it while the others are answered at once. MicroProfile Fault Tolerance's own
 * {@code @CircuitBreaker} never opened in Payara Micro 6.2025.10 once combined with {@code @Retry}
 * (CafIT showed it), hence this small one. Never throws.
 */
@ApplicationScoped
public class CafCircuit {

    static final int FAILURES = 3;

    @Inject
    private CafGateway gateway;

    @Inject
    private CafSettings settings;

    @Inject
    private Clock clock;

    private CircuitState circuit;

    /** A consultation's result and the requests it made (retries included), for the journal. */
    public record Consulted(CafLookup lookup, List<String> calls) {
    }

    @PostConstruct
    void start() {
        circuit = new CircuitState(FAILURES, settings.circuitPause());
    }

    public Consulted consult(CivilStatus person) {
        CircuitState.Permit permit = circuit.acquire(clock.instant());
        if (!permit.granted()) {
            return new Consulted(new CafLookup.Unavailable(CafLookup.Failure.PROVIDER_DOWN,
                    "API Particulier ne répond plus depuis plusieurs demandes : nouvel essai possible dans "
                    + Math.max(1, permit.remaining().toSeconds()) + " secondes", permit.remaining()), List.of());
        }
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        CafLookup lookup;
        try {
            lookup = gateway.lookup(person, calls::add);
        } catch (RuntimeException e) {
            lookup = CafGateway.unavailable(e);
        }
        circuit.record(permit, lookup instanceof CafLookup.Unavailable u && u.failure().countsAgainstProvider(), clock.instant());
        return new Consulted(lookup, List.copyOf(calls));
    }
}
