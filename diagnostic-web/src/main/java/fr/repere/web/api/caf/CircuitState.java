package fr.repere.web.api.caf;

import java.time.Duration;
import java.time.Instant;

/**
 * The circuit breaker's states, clock-free so that each transition is tested alone: closed (every
 * consultation goes through; {@code failures} in a row open it), open (none goes through until the
 * pause ends), half-open (exactly one probe goes through; the others are refused until it ends; a
 * failed probe reopens, a good one closes and resets the count).
 */
final class CircuitState {

    enum State { CLOSED, OPEN, HALF_OPEN }

    /** What a consultation may do: go, go as the probe, or wait {@code remaining}. */
    record Permit(boolean granted, boolean probe, Duration remaining) {
        static final Permit GO = new Permit(true, false, Duration.ZERO);
        static final Permit PROBE = new Permit(true, true, Duration.ZERO);
    }

    private final int failures;
    private final Duration pause;
    private State state = State.CLOSED;
    private int failuresInARow;
    private Instant openUntil = Instant.MIN;

    CircuitState(int failures, Duration pause) {
        this.failures = failures;
        this.pause = pause;
    }

    synchronized Permit acquire(Instant now) {
        return switch (state) {
            case CLOSED -> Permit.GO;
            case HALF_OPEN -> new Permit(false, false, pause);
            case OPEN -> {
                if (now.isBefore(openUntil)) {
                    yield new Permit(false, false, Duration.between(now, openUntil));
                }
                state = State.HALF_OPEN;
                yield Permit.PROBE;
            }
        };
    }

    /** The consultation that got {@code permit} ended; {@code failed}: the provider (or our access to it) failed. */
    synchronized void record(Permit permit, boolean failed, Instant now) {
        if (permit.probe()) {
            if (failed) {
                open(now);
            } else {
                state = State.CLOSED;
                failuresInARow = 0;
            }
        } else if (state == State.CLOSED) {
            failuresInARow = failed ? failuresInARow + 1 : 0;
            if (failuresInARow >= failures) {
                open(now);
            }
        }
    }

    private void open(Instant now) {
        state = State.OPEN;
        openUntil = now.plus(pause);
        failuresInARow = 0;
    }

    synchronized State state() {
        return state;
    }
}
