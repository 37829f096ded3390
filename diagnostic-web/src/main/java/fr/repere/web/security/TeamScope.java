package fr.repere.web.security;

import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Team scoping of a record found by id: another team's record is answered as absent, so that ids
 * do not reveal what exists (404, not 403), and the attempt is journaled whatever happens next.
 */
@ApplicationScoped
public class TeamScope {

    @Inject
    private JournalWriter journal;

    @Inject
    private Clock clock;

    /**
     * @param belongsTo whether a record is a team's, e.g. {@code Diagnostic::belongsTo}
     * @param id        the id asked for, as the journal records it
     */
    public <T> Optional<T> of(Caller caller, Optional<T> found, BiPredicate<T, String> belongsTo, JournalAction attempted,
                              String id) {
        if (found.isPresent() && !belongsTo.test(found.get(), caller.team())) {
            journal.appendRegardless(JournalEntry.refused(clock.instant(), caller.actor(), attempted, id));
            return Optional.empty();
        }
        return found;
    }
}
