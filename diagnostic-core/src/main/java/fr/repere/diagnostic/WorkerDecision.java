package fr.repere.diagnostic;

import java.time.Instant;
import java.util.Set;

/**
 * What the worker decided after reading the proposal: the final orientation and actions.
 * {@code overridden} when they differ from the proposal, and then {@code reason} says why.
 */
public record WorkerDecision(Orientation orientation, Set<ComplementaryAction> actions, boolean overridden,
                             String reason, Instant decidedAt) {

    public WorkerDecision {
        actions = Set.copyOf(actions);
    }
}
