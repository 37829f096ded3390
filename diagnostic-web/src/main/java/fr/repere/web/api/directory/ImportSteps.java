package fr.repere.web.api.directory;

import fr.repere.directory.DirectoryImport;
import fr.repere.directory.DirectoryImporting;
import fr.repere.directory.PlaceFileCheck;
import fr.repere.directory.PlaceValidator;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The transactions of an import: each step of the job is short and commits on its own. An import
 * fills the directory of its administrator's organisation, and only that organisation's
 * administrators read its report.
 */
@ApplicationScoped
public class ImportSteps {

    @Inject
    private DirectoryImporting importing;

    @Inject
    private Clock clock;

    @Inject
    private JournalWriter journal;

    /** The organisation of the caller's team, whose directory the caller imports into and reads. */
    @Transactional
    public String organisationOf(Caller caller) {
        return importing.organisationOf(caller.team()).orElseThrow(() -> new IllegalStateException(
                "agent " + caller.agentId() + " has a team of no organisation"));
    }

    @Transactional
    public void create(Caller caller, DirectoryImport started) {
        importing.create(started);
        journal.append(JournalEntry.administration(clock.instant(), caller.actor(), JournalAction.DIRECTORY_IMPORT,
                started.id()));
    }

    @Transactional
    public void checking(String id, int lines) {
        importing.checking(id, lines);
    }

    /** Records the check's outcome; true when the valid lines are to be stored. */
    @Transactional
    public boolean checked(String id, PlaceFileCheck.Outcome outcome) {
        return importing.checked(id, outcome);
    }

    /**
     * Stores a batch of valid lines in the import's organisation's directory: new places are added,
     * its known ones replaced by their line; another organisation's place of the same id is not
     * touched.
     */
    @Transactional
    public void store(String id, List<PlaceValidator.Result> batch) {
        importing.store(id, batch);
    }

    @Transactional
    public void finish(String id) {
        importing.finish(id);
    }

    @Transactional
    public void fail(String id, String why) {
        importing.fail(id, why);
    }

    /**
     * An import of the caller's organisation with its report (the problems are read inside the
     * transaction); another organisation's import is absent.
     */
    @Transactional
    public Optional<ImportView> view(Caller caller, String id) {
        return importing.find(organisationOf(caller), id).map(ImportView::of);
    }
}
