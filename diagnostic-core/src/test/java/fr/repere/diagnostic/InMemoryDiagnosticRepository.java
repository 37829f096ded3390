package fr.repere.diagnostic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link DiagnosticRepository} in a map, for tests; refuses to store the same id twice. */
public final class InMemoryDiagnosticRepository implements DiagnosticRepository {

    private final Map<DiagnosticId, Diagnostic> stored = new LinkedHashMap<>();

    @Override
    public void store(Diagnostic diagnostic) {
        if (stored.putIfAbsent(diagnostic.id(), diagnostic) != null) {
            throw new IllegalStateException("diagnostic " + diagnostic.id() + " stored twice");
        }
    }

    @Override
    public Optional<Diagnostic> find(DiagnosticId id) {
        return Optional.ofNullable(stored.get(id));
    }

    /** Everything stored, in order. */
    public List<Diagnostic> all() {
        return new ArrayList<>(stored.values());
    }
}
