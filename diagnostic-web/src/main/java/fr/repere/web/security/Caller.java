package fr.repere.web.security;

import fr.repere.identity.Role;
import fr.repere.journal.JournalEntry;

import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;

/**
 * The agent behind a session: kept in the HTTP session (server side), with the anti-CSRF token
 * the browser must echo, and the login time for the 12-hour absolute limit.
 */
public record Caller(String agentId, Role role, String team, String displayName, String csrfToken, Instant since)
        implements Principal, Serializable {

    public static final String SESSION_ATTRIBUTE = "repere.caller";
    /** Session attribute: the origin of the host system that opened this session in its iframe (signed launch). */
    public static final String HOST_ORIGIN_ATTRIBUTE = "repere.host-origin";

    @Override
    public String getName() {
        return agentId;
    }

    public JournalEntry.Actor actor() {
        return new JournalEntry.Actor(agentId, role.name(), team);
    }
}
