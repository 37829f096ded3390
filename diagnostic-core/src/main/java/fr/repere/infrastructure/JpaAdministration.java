package fr.repere.infrastructure;

import fr.repere.identity.Agent;
import fr.repere.identity.HostCredential;
import fr.repere.identity.OrganisationDirectory;
import fr.repere.identity.Team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an administrator manages in MariaDB: the teams, agents and host-system keys of one
 * organisation. Every lookup is scoped to the organisation, so another one's ids are not found.
 */
@ApplicationScoped
public class JpaAdministration implements OrganisationDirectory {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaAdministration() {
    }

    public JpaAdministration(EntityManager em) {
        this.em = em;
    }

    /** The organisation a team belongs to. */
    @Override
    public Optional<String> organisationOf(String team) {
        return Optional.ofNullable(team).map(id -> em.find(Team.class, id)).map(Team::organisation);
    }

    @Override
    public List<Team> teams(String organisation) {
        return em.createQuery("SELECT t FROM Team t WHERE t.organisation = :org ORDER BY t.name", Team.class)
                .setParameter("org", organisation).getResultList();
    }

    @Override
    public Optional<Team> team(String organisation, String id) {
        return Optional.ofNullable(id).map(i -> em.find(Team.class, i)).filter(t -> t.organisation().equals(organisation));
    }

    @Override
    public List<Agent> agents(String organisation) {
        return em.createQuery("SELECT a FROM Agent a, Team t WHERE a.team = t.id AND t.organisation = :org "
                + "ORDER BY a.displayName", Agent.class).setParameter("org", organisation).getResultList();
    }

    @Override
    public Optional<Agent> agent(String organisation, String id) {
        return Optional.ofNullable(id).map(i -> em.find(Agent.class, i))
                .filter(a -> team(organisation, a.team()).isPresent());
    }

    @Override
    public boolean emailTaken(String email) {
        return !em.createQuery("SELECT a.id FROM Agent a WHERE LOWER(a.email) = :email", String.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT)).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<HostCredential> hostCredentials(String organisation) {
        return em.createQuery("SELECT c FROM HostCredential c WHERE c.organisation = :org ORDER BY c.createdAt",
                HostCredential.class).setParameter("org", organisation).getResultList();
    }

    @Override
    public Optional<HostCredential> hostCredential(String id) {
        return Optional.ofNullable(id).map(i -> em.find(HostCredential.class, i));
    }

    public void add(Object teamAgentOrCredential) {
        em.persist(teamAgentOrCredential);
    }

    @Override
    public void addTeam(Team team) {
        em.persist(team);
    }

    @Override
    public void addAgent(Agent agent) {
        em.persist(agent);
    }

    @Override
    public void addHostCredential(HostCredential credential) {
        em.persist(credential);
    }
}
