package fr.repere.directory;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.WorkerDecision;
import fr.repere.territory.Commune;
import fr.repere.territory.DiagnosticTerritory;
import fr.repere.territory.Territory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Places for a diagnostic's needs, from the directory of its team's organisation only: the person's
 * territory is kept on the diagnostic, and each need no place meets is recorded once as unmet. Also
 * a place of a team's organisation's directory, and a team's unmet needs. Transactions are the
 * caller's.
 */
@ApplicationScoped
public class DirectorySearch {

    private Directory directory;

    /** A team's unmet needs, oldest first, and the diagnostics they name. */
    public record UnmetNeeds(List<UnmetNeed> needs, List<Diagnostic> diagnostics) {

        public UnmetNeeds {
            needs = List.copyOf(needs);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** For CDI's proxy. */
    protected DirectorySearch() {
    }

    @Inject
    public DirectorySearch(Directory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * The places for each of the diagnostic's needs (each need once), for a person of
     * {@code commune}, ranked from {@code from} (the centre of the commune's places when null),
     * at most {@code limit} per need; suited to the worker's decision, or else to the proposal.
     */
    public List<PlaceMatching.NeedMatches> placesFor(Diagnostic diagnostic, Commune commune, PlaceMatching.Point from,
                                                      int limit, Instant now) {
        Territory territory = commune.territory();
        List<Place> candidates = directory.organisationOf(diagnostic.team()).map(o -> directory.near(o, territory))
                .orElse(List.of());
        PlaceMatching.Point start = from != null ? from : PlaceMatching.centreOf(commune, candidates);
        Orientation orientation = diagnostic.decision().map(WorkerDecision::orientation)
                .orElse(diagnostic.primaryOrientation());
        PlaceMatching matching = new PlaceMatching(commune, start, PlaceMatching.suitableFor(orientation));

        List<PlaceMatching.NeedMatches> needs = diagnostic.proposal().needs().stream().distinct().map(need -> {
            PlaceMatching.NeedMatches matches = matching.rank(need, candidates, limit);
            if (matches.unmet()) {
                directory.recordOnce(UnmetNeed.record(diagnostic.id(), diagnostic.team(), need, territory, now),
                        UnmetNeed.key(need));
            }
            return matches;
        }).toList();

        String id = diagnostic.id().value();
        directory.territoryOf(id).ifPresentOrElse(t -> t.moveTo(territory, now),
                () -> directory.add(new DiagnosticTerritory(id, territory, now)));
        return needs;
    }

    /** A place of the team's organisation's directory; another organisation's is absent. */
    public Optional<Place> place(String team, String id) {
        return directory.organisationOf(team).flatMap(o -> directory.place(o, id));
    }

    /** The team's unmet needs, with the diagnostics they name. */
    public UnmetNeeds unmetNeeds(String team) {
        List<UnmetNeed> all = directory.unmetNeedsOf(team);
        List<String> ids = all.stream().map(UnmetNeed::diagnosticId).filter(Objects::nonNull).distinct().toList();
        return new UnmetNeeds(all, ids.isEmpty() ? List.of() : directory.diagnostics(ids));
    }

    /** Failures of what was recorded surface here, inside the caller's error handling. */
    public void flush() {
        directory.flush();
    }
}
