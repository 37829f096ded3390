package fr.repere.directory;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.territory.DiagnosticTerritory;
import fr.repere.territory.Territory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link Directory} over maps and lists, for tests. */
final class InMemoryDirectory implements Directory {

    final Map<String, String> organisations = new LinkedHashMap<>();
    final List<Place> places = new ArrayList<>();
    final List<DirectoryImport> imports = new ArrayList<>();
    final List<UnmetNeed> unmet = new ArrayList<>();
    final List<String> unmetKeys = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final Map<String, DiagnosticTerritory> territories = new LinkedHashMap<>();
    int flushes;

    @Override
    public Optional<String> organisationOf(String team) {
        return Optional.ofNullable(team).map(organisations::get);
    }

    @Override
    public Optional<Place> place(String organisation, String id) {
        return places.stream().filter(p -> p.organisation().equals(organisation) && p.id().equals(id)).findFirst();
    }

    @Override
    public Map<String, Place> places(String organisation, Collection<String> ids) {
        return places.stream().filter(p -> p.organisation().equals(organisation) && ids.contains(p.id()))
                .collect(Collectors.toMap(Place::id, Function.identity()));
    }

    @Override
    public List<Place> near(String organisation, Territory territory) {
        return places.stream().filter(p -> p.organisation().equals(organisation)).toList();
    }

    @Override
    public void add(Place place) {
        places.add(place);
    }

    @Override
    public void add(DirectoryImport directoryImport) {
        imports.add(directoryImport);
    }

    @Override
    public Optional<DirectoryImport> directoryImport(String organisation, String id) {
        return directoryImport(id).filter(i -> i.organisation().equals(organisation));
    }

    @Override
    public Optional<DirectoryImport> directoryImport(String id) {
        return imports.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    @Override
    public boolean recordOnce(UnmetNeed need, String key) {
        String once = need.diagnosticId() + "/" + key;
        if (unmetKeys.contains(once)) {
            return false;
        }
        unmetKeys.add(once);
        unmet.add(need);
        return true;
    }

    @Override
    public List<UnmetNeed> unmetNeedsOf(String team) {
        return unmet.stream().filter(u -> Objects.equals(u.team(), team)).toList();
    }

    @Override
    public List<Diagnostic> diagnostics(Collection<String> ids) {
        return diagnostics.stream().filter(d -> ids.contains(d.id().value())).toList();
    }

    @Override
    public Optional<DiagnosticTerritory> territoryOf(String diagnosticId) {
        return Optional.ofNullable(territories.get(diagnosticId));
    }

    @Override
    public void add(DiagnosticTerritory territory) {
        try {
            java.lang.reflect.Field id = DiagnosticTerritory.class.getDeclaredField("diagnosticId");
            id.setAccessible(true);
            territories.put((String) id.get(territory), territory);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void flush() {
        flushes++;
    }
}
