package fr.repere.web.security;

import fr.repere.identity.Role;
import fr.repere.journal.JournalEntry;

import java.security.Principal;

/**
 * A host system (the case-management software of an organisation) calling with its key: it acts
 * for the whole organisation, is never a person, and has the role {@link Role#HOST} only.
 */
public record HostSystem(String credentialId, String organisation, String label) implements Principal {

    @Override
    public String getName() {
        return "host:" + credentialId;
    }

    /** In the journal: the key's id, the role HOST, and the organisation in the team column. */
    public JournalEntry.Actor actor() {
        return new JournalEntry.Actor(credentialId, Role.HOST.name(), organisation);
    }
}
