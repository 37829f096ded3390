package fr.repere.web.security;

import fr.repere.identity.HostCredential;
import fr.repere.identity.Role;
import fr.repere.journal.JournalEntry;

import java.security.Principal;
import java.util.List;

/**
 * A host system (the case-management software of an organisation) calling with its key: it acts
 * for the organisation, or for some of its teams when the key is restricted to them
 * ({@code teams}, empty when not restricted), is never a person, and has the role
 * {@link Role#HOST} only.
 */
public record HostSystem(String credentialId, String organisation, String label, List<String> teams) implements Principal {

    public HostSystem {
        teams = List.copyOf(teams);
    }

    /** Of the organisation's teams, those whose dossiers the key reads. */
    public List<String> readableAmong(List<String> organisationTeams) {
        return HostCredential.readableAmong(teams, organisationTeams);
    }

    @Override
    public String getName() {
        return "host:" + credentialId;
    }

    /** In the journal: the key's id, the role HOST, and the organisation in the team column. */
    public JournalEntry.Actor actor() {
        return new JournalEntry.Actor(credentialId, Role.HOST.name(), organisation);
    }
}
