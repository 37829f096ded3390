package fr.repere.hostevent;

import fr.repere.identity.HostCredential;
import fr.repere.identity.OrganisationDirectory;
import fr.repere.identity.Team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Objects;

/**
 * The events a host reads with its key, in publication order after a cursor: those of its
 * organisation, of the teams the key may read (all of them, or those of its restriction). The
 * cursor is the number of the last event read; {@code 0} reads from the start.
 */
@ApplicationScoped
public class HostEventFeed {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** A page of events and the cursor to read the next ones with (the same if there were none). */
    public record Page(List<String> cloudEvents, long next) {
        public Page {
            cloudEvents = List.copyOf(cloudEvents);
        }
    }

    private OrganisationDirectory organisations;
    private HostEventLog log;

    /** For CDI's proxy. */
    protected HostEventFeed() {
    }

    @Inject
    public HostEventFeed(OrganisationDirectory organisations, HostEventLog log) {
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Whether {@code limit} may be asked for. */
    public static boolean validLimit(int limit) {
        return limit >= 1 && limit <= MAX_LIMIT;
    }

    /**
     * @param restriction the teams the key is restricted to; empty: every team of the organisation
     * @throws CursorExpiredException when events after the cursor were deleted since
     */
    public Page after(String organisation, List<String> restriction, long cursor, int limit) {
        if (cursor < 0 || !validLimit(limit)) {
            throw new IllegalArgumentException("cursor must be >= 0 and limit within 1.." + MAX_LIMIT);
        }
        long purged = log.purgedThrough(organisation);
        if (cursor < purged) {
            throw new CursorExpiredException(purged);
        }
        List<String> teams = HostCredential.readableAmong(restriction,
                organisations.teams(organisation).stream().map(Team::id).toList());
        if (teams.isEmpty()) {
            return new Page(List.of(), cursor);
        }
        List<HostEventLog.Published> read = log.after(organisation, teams, cursor, limit);
        long next = read.isEmpty() ? cursor : read.get(read.size() - 1).seq();
        return new Page(read.stream().map(HostEventLog.Published::cloudEvent).toList(), next);
    }
}
