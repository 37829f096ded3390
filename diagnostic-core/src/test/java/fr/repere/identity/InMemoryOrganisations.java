package fr.repere.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An {@link OrganisationDirectory} in lists, for tests. */
public final class InMemoryOrganisations implements OrganisationDirectory {

    public final List<Team> teams = new ArrayList<>();
    public final List<Agent> agents = new ArrayList<>();
    public final List<HostCredential> credentials = new ArrayList<>();

    @Override
    public Optional<String> organisationOf(String team) {
        return teams.stream().filter(t -> t.id().equals(team)).map(Team::organisation).findFirst();
    }

    @Override
    public List<Team> teams(String organisation) {
        return teams.stream().filter(t -> t.organisation().equals(organisation)).sorted(Comparator.comparing(Team::name)).toList();
    }

    @Override
    public Optional<Team> team(String organisation, String id) {
        return teams.stream().filter(t -> t.id().equals(id) && t.organisation().equals(organisation)).findFirst();
    }

    @Override
    public List<Agent> agents(String organisation) {
        return agents.stream().filter(a -> team(organisation, a.team()).isPresent())
                .sorted(Comparator.comparing(Agent::displayName)).toList();
    }

    @Override
    public Optional<Agent> agent(String organisation, String id) {
        return agents.stream().filter(a -> a.id().equals(id) && team(organisation, a.team()).isPresent()).findFirst();
    }

    @Override
    public boolean emailTaken(String email) {
        String e = email.strip().toLowerCase(Locale.ROOT);
        return agents.stream().anyMatch(a -> a.email().toLowerCase(Locale.ROOT).equals(e));
    }

    @Override
    public List<HostCredential> hostCredentials(String organisation) {
        return credentials.stream().filter(c -> c.organisation().equals(organisation)).toList();
    }

    @Override
    public Optional<HostCredential> hostCredential(String id) {
        return credentials.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public void addTeam(Team team) {
        teams.add(team);
    }

    @Override
    public void addAgent(Agent agent) {
        agents.add(agent);
    }

    @Override
    public void addHostCredential(HostCredential credential) {
        credentials.add(credential);
    }
}
