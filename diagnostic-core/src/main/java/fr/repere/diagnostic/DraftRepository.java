package fr.repere.diagnostic;

import java.util.Optional;

/** Where interviews in progress are kept until they become diagnostics. */
public interface DraftRepository {

    void store(Draft draft);

    Optional<Draft> find(DiagnosticId id);

    void remove(Draft draft);
}
