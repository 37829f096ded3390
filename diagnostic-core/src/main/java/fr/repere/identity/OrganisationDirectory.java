package fr.repere.identity;

import java.util.List;
import java.util.Optional;

/**
 * Where the teams, agents and host-system keys of each organisation are kept, for its
 * administrators. Every lookup by organisation is scoped to it, so another one's ids are not found.
 */
public interface OrganisationDirectory {

    /** The organisation a team belongs to. */
    Optional<String> organisationOf(String team);

    /** The organisation's teams, by name. */
    List<Team> teams(String organisation);

    /** The team of this id, if it is the organisation's. */
    Optional<Team> team(String organisation, String id);

    /** The organisation's agents, by display name. */
    List<Agent> agents(String organisation);

    /** The agent of this id, if its team is the organisation's. */
    Optional<Agent> agent(String organisation, String id);

    /** Whether an agent (of any organisation) already has this e-mail address, compared case-insensitively. */
    boolean emailTaken(String email);

    /** The organisation's host-system keys, oldest first. */
    List<HostCredential> hostCredentials(String organisation);

    /** The key of this id, whatever its organisation. */
    Optional<HostCredential> hostCredential(String id);

    void addTeam(Team team);

    void addAgent(Agent agent);

    void addHostCredential(HostCredential credential);
}
