package fr.repere.web.security;

import fr.repere.identity.Agent;
import fr.repere.journal.JournalEntry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Instant;

/**
 * Opens the server-side session of an agent once a login succeeded, whatever the login (built-in
 * password or OpenID Connect): a new session id for the new identity (no session fixation), the
 * {@link Caller} with a fresh anti-CSRF token, and a LOGIN journal entry.
 */
@ApplicationScoped
public class Sessions {

    @Inject
    private JournalWriter journal;

    /** Ends the request's previous session, if any, and opens the agent's; the journal entry joins the caller's transaction. */
    public Caller open(HttpServletRequest http, Agent agent) {
        HttpSession previous = http.getSession(false);
        if (previous != null) {
            previous.invalidate(); // no session fixation: a new id for the new identity
        }
        HttpSession session = http.getSession(true);
        Caller caller = new Caller(agent.id(), agent.role(), agent.team(), agent.displayName(), Tokens.random(), Instant.now());
        session.setAttribute(Caller.SESSION_ATTRIBUTE, caller);
        journal.append(JournalEntry.login(Instant.now(), caller.actor()));
        return caller;
    }
}
