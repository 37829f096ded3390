package fr.repere.diagnostic;

import java.util.Optional;

/** Where interviews in progress are kept until they become diagnostics. */
public interface DraftRepository {

    void store(Draft draft);

    Optional<Draft> find(DiagnosticId id);

    void remove(Draft draft);

    /**
     * Writes what the transaction changed so far, so that a constraint or a concurrent change
     * surfaces now, inside the caller's error handling, rather than at commit. Nothing to do for a
     * store in memory.
     */
    default void flush() {
    }
}
