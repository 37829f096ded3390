package fr.repere.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps of an import of a directory file: each is short, and the caller runs each in its own
 * transaction. An import fills the directory of its organisation: new places are added, its known
 * ones replaced by their line; another organisation's place of the same id is not touched.
 */
@ApplicationScoped
public class DirectoryImporting {

    private Directory directory;
    private Clock clock;

    /** For CDI's proxy. */
    protected DirectoryImporting() {
    }

    @Inject
    public DirectoryImporting(Directory directory, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The organisation of the team, whose directory its administrators import into and read. */
    public Optional<String> organisationOf(String team) {
        return directory.organisationOf(team);
    }

    public void create(DirectoryImport started) {
        directory.add(started);
    }

    public void checking(String id, int lines) {
        find(id).checking(lines);
    }

    /** Records the check's outcome; true when the valid lines are to be stored. */
    public boolean checked(String id, PlaceFileCheck.Outcome outcome) {
        return find(id).checked(outcome.lines(), outcome.valid(), outcome.firstProblems(), outcome.problemCount(),
                clock.instant());
    }

    /** Stores a batch of valid lines in the import's organisation's directory, and counts them on the import. */
    public void store(String id, List<PlaceValidator.Result> batch) {
        String organisation = find(id).organisation();
        Map<String, Place> known = directory.places(organisation, batch.stream().map(r -> r.place().id()).toList());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (PlaceValidator.Result line : batch) {
            Place place = known.get(line.place().id());
            if (place == null) {
                directory.add(Place.of(organisation, line.place(), line.commune(), clock.instant()));
                created++;
            } else if (place.replaceWith(line.place(), line.commune(), clock.instant())) {
                updated++;
            } else {
                unchanged++;
            }
        }
        find(id).stored(created, updated, unchanged);
    }

    public void finish(String id) {
        find(id).finish(clock.instant());
    }

    public void fail(String id, String why) {
        find(id).fail(why, clock.instant());
    }

    /** An import of the organisation, with its report; another organisation's is absent. */
    public Optional<DirectoryImport> find(String organisation, String id) {
        return directory.directoryImport(organisation, id);
    }

    private DirectoryImport find(String id) {
        return directory.directoryImport(id).orElseThrow(() -> new IllegalStateException("no import " + id));
    }
}
