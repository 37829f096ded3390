package fr.repere.identity;

import fr.repere.identity.AdministrationRefusedException.Reason;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an administrator manages, always within one organisation (the administrator's): its teams,
 * its agents' accounts and its host-system keys. An id of another organisation is unknown.
 * Transactions and the journal are the caller's.
 */
@ApplicationScoped
public class OrganisationAdministration {

    private OrganisationDirectory directory;
    private Clock clock;

    /** For CDI's proxy. */
    protected OrganisationAdministration() {
    }

    @Inject
    public OrganisationAdministration(OrganisationDirectory directory, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The organisation of a team (an administrator's: the one they manage). */
    public Optional<String> organisationOf(String team) {
        return directory.organisationOf(team);
    }

    public List<Team> teams(String organisation) {
        return directory.teams(organisation);
    }

    public Team createTeam(String organisation, String name) {
        Team team = new Team(organisation, name);
        directory.addTeam(team);
        return team;
    }

    public List<Agent> agents(String organisation) {
        return directory.agents(organisation);
    }

    /** @throws AdministrationRefusedException if the team is not the organisation's, or the address is taken */
    public Agent createAgent(String organisation, String team, Role role, String displayName, String email) {
        if (directory.team(organisation, team).isEmpty()) {
            throw new AdministrationRefusedException(Reason.UNKNOWN_TEAM, "team", -1);
        }
        if (directory.emailTaken(email)) {
            throw new AdministrationRefusedException(Reason.EMAIL_TAKEN);
        }
        Agent agent = Agent.create(team, role, displayName, email);
        directory.addAgent(agent);
        return agent;
    }

    /**
     * Changes an agent's role, team or activity (each if not null). An administrator cannot
     * deactivate themselves nor give up the role: another administrator must.
     *
     * @param by the administrator making the change
     * @throws AdministrationRefusedException if the agent or the team is not the organisation's, or
     *                                        the administrator would remove their own rights
     */
    public Agent changeAgent(String organisation, String by, String id, Role role, String team, Boolean active) {
        Agent agent = directory.agent(organisation, id)
                .orElseThrow(() -> new AdministrationRefusedException(Reason.UNKNOWN_AGENT));
        boolean self = agent.id().equals(by);
        if (self && (Boolean.FALSE.equals(active) || role != null && role != Role.ADMIN)) {
            throw new AdministrationRefusedException(Reason.SELF_DEMOTION, "active", -1);
        }
        if (team != null && directory.team(organisation, team).isEmpty()) {
            throw new AdministrationRefusedException(Reason.UNKNOWN_TEAM, "team", -1);
        }
        if (role != null || team != null) {
            agent.assign(role == null ? agent.role() : role, team == null ? agent.team() : team);
        }
        if (Boolean.FALSE.equals(active)) {
            agent.deactivate(); // its sessions end at their next request (the account is read on each)
        } else if (Boolean.TRUE.equals(active)) {
            agent.reactivate();
        }
        return agent;
    }

    public List<HostCredential> hostKeys(String organisation) {
        return directory.hostCredentials(organisation);
    }

    /**
     * A new key for the organisation; restricted to these teams unless the list is empty.
     *
     * @param by the administrator issuing it
     * @throws AdministrationRefusedException at the first team that is not the organisation's
     */
    public HostCredential.Issued issueHostKey(String organisation, String by, String label, List<String> teams) {
        for (int i = 0; i < teams.size(); i++) {
            if (directory.team(organisation, teams.get(i)).isEmpty()) {
                throw new AdministrationRefusedException(Reason.UNKNOWN_TEAM, "teams", i);
            }
        }
        HostCredential.Issued issued = HostCredential.issue(organisation, label, teams, by, clock.instant());
        directory.addHostCredential(issued.credential());
        return issued;
    }

    /** @throws AdministrationRefusedException if the organisation has no key of this id */
    public HostCredential revokeHostKey(String organisation, String id) {
        HostCredential key = directory.hostCredential(id).filter(c -> c.organisation().equals(organisation))
                .orElseThrow(() -> new AdministrationRefusedException(Reason.UNKNOWN_HOST_KEY));
        key.revoke(clock.instant());
        return key;
    }

    /**
     * The key a host system presented ({@code id.secret}), if it is one of the keys issued and
     * accepts the secret (not revoked). A refused key is the caller's to count.
     */
    public Optional<HostCredential> recogniseHostKey(String presented) {
        return HostCredential.Presented.parse(presented)
                .flatMap(p -> directory.hostCredential(p.id()).filter(c -> c.accepts(p.secret())));
    }
}
