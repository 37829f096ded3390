package fr.repere.diagnostic;

import java.util.Optional;

/** Where diagnostics are kept. */
public interface DiagnosticRepository {

    void store(Diagnostic diagnostic);

    Optional<Diagnostic> find(DiagnosticId id);

    /**
     * Writes what the transaction changed so far, so that a constraint or a concurrent change
     * surfaces now, inside the caller's error handling, rather than at commit. Nothing to do for a
     * store in memory.
     */
    default void flush() {
    }
}
