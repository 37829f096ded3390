package fr.repere.idempotency;

/**
 * What is known of a claimed Idempotency-Key: the fingerprint of the request that claimed it, and
 * once that request completed, its answer.
 *
 * @param answer null while {@link State#IN_PROGRESS}
 */
public record IdempotencyEntry(String fingerprint, State state, Answer answer) {

    public enum State { IN_PROGRESS, COMPLETED }

    /** The answer to send again on each replay. */
    public record Answer(int status, String location, String body) {
    }
}
