package fr.repere.diagnostic;

import fr.repere.hostevent.HostEvents;
import fr.repere.questionnaire.QuestionnaireCatalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The diagnostic use cases over {@link DiagnosticRepository}: take one in one go with the current
 * questionnaire (oriented by the rules the caller's organisation has in force), read one back,
 * record the worker's decision on its proposal. Each writes its host event ({@link DiagnosticEvents})
 * in the same transaction, which is the caller's.
 */
@ApplicationScoped
public class Diagnosing {

    private QuestionnaireCatalog catalog;
    private DiagnosticRepository diagnostics;
    private Clock clock;
    private HostEvents events;

    /** For CDI's proxy. */
    protected Diagnosing() {
    }

    @Inject
    public Diagnosing(QuestionnaireCatalog catalog, DiagnosticRepository diagnostics, Clock clock, HostEvents events) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Takes a diagnostic with the current questionnaire, oriented by {@code policy}. */
    public Diagnostic take(OrientationPolicy policy, NewDiagnostic request) {
        Diagnostic d = new DiagnosticTaking(catalog, policy, diagnostics, clock).take(request);
        events.record(DiagnosticEvents.completed(d, d.takenAt()));
        return d;
    }

    public Optional<Diagnostic> find(DiagnosticId id) {
        return diagnostics.find(id);
    }

    /** Records the worker's decision on the diagnostic's proposal, now. */
    public WorkerDecision decide(Diagnostic diagnostic, Orientation orientation, Set<ComplementaryAction> actions,
                                 String reason) {
        WorkerDecision decision = diagnostic.decide(orientation, actions, reason, clock.instant());
        events.record(DiagnosticEvents.decided(diagnostic, decision));
        return decision;
    }

    /** Constraint violations and concurrent changes surface here, inside the caller's error handling. */
    public void flush() {
        diagnostics.flush();
    }
}
