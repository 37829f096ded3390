package fr.repere.diagnostic;

import java.util.Optional;

/** Where diagnostics are kept. */
public interface DiagnosticRepository {

    void store(Diagnostic diagnostic);

    Optional<Diagnostic> find(DiagnosticId id);
}
