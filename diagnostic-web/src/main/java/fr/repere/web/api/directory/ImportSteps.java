package fr.repere.web.api.directory;

import fr.repere.directory.DirectoryImport;
import fr.repere.directory.Place;
import fr.repere.directory.PlaceFileCheck;
import fr.repere.directory.PlaceValidator;
import fr.repere.infrastructure.JpaAdministration;
import fr.repere.infrastructure.JpaDirectory;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transactions of an import: each step of the job is short and commits on its own. An import
 * fills the directory of its administrator's organisation, and only that organisation's
 * administrators read its report.
 */
@ApplicationScoped
public class ImportSteps {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private JournalWriter journal;

    /** The organisation of the caller's team, whose directory the caller imports into and reads. */
    @Transactional
    public String organisationOf(Caller caller) {
        return new JpaAdministration(em).organisationOf(caller.team()).orElseThrow(() -> new IllegalStateException(
                "agent " + caller.agentId() + " has a team of no organisation"));
    }

    @Transactional
    public void create(Caller caller, DirectoryImport started) {
        new JpaDirectory(em).add(started);
        journal.append(JournalEntry.administration(clock.instant(), caller.actor(), JournalAction.DIRECTORY_IMPORT,
                started.id()));
    }

    @Transactional
    public void checking(String id, int lines) {
        find(id).checking(lines);
    }

    /** Records the check's outcome; true when the valid lines are to be stored. */
    @Transactional
    public boolean checked(String id, PlaceFileCheck.Outcome outcome) {
        return find(id).checked(outcome.lines(), outcome.valid(), outcome.firstProblems(), outcome.problemCount(),
                clock.instant());
    }

    /**
     * Stores a batch of valid lines in the import's organisation's directory: new places are added,
     * its known ones replaced by their line; another organisation's place of the same id is not
     * touched.
     */
    @Transactional
    public void store(String id, List<PlaceValidator.Result> batch) {
        JpaDirectory directory = new JpaDirectory(em);
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

    @Transactional
    public void finish(String id) {
        find(id).finish(clock.instant());
    }

    @Transactional
    public void fail(String id, String why) {
        find(id).fail(why, clock.instant());
    }

    /**
     * An import of the caller's organisation with its report (the problems are read inside the
     * transaction); another organisation's import is absent.
     */
    @Transactional
    public Optional<ImportView> view(Caller caller, String id) {
        return new JpaDirectory(em).directoryImport(organisationOf(caller), id).map(ImportView::of);
    }

    private DirectoryImport find(String id) {
        return new JpaDirectory(em).directoryImport(id).orElseThrow(() -> new IllegalStateException("no import " + id));
    }

}
