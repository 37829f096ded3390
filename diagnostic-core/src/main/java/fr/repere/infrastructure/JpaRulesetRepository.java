package fr.repere.infrastructure;

import fr.repere.identity.Team;
import fr.repere.ruleset.Ruleset;
import fr.repere.ruleset.RulesetRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Ruleset versions in MariaDB through JPA, always within one organisation. */
@ApplicationScoped
public class JpaRulesetRepository implements RulesetRepository {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaRulesetRepository() {
    }

    public JpaRulesetRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(Ruleset ruleset) {
        em.persist(ruleset);
    }

    @Override
    public Optional<Ruleset> find(String organisation, String version) {
        return Optional.ofNullable(em.find(Ruleset.class, new Ruleset.Key(organisation, version)));
    }

    @Override
    public List<Ruleset> all(String organisation) {
        return em.createQuery("SELECT r FROM Ruleset r WHERE r.organisation = :org ORDER BY r.uploadedAt", Ruleset.class)
                .setParameter("org", organisation).getResultList();
    }

    @Override
    public Optional<Ruleset> active(String organisation) {
        return em.createQuery("SELECT r FROM Ruleset r WHERE r.organisation = :org AND r.active = TRUE", Ruleset.class)
                .setParameter("org", organisation).getResultStream().findFirst();
    }

    @Override
    public Optional<String> organisationOf(String team) {
        return Optional.ofNullable(team).map(id -> em.find(Team.class, id)).map(Team::organisation);
    }

    @Override
    public void flush() {
        em.flush();
    }
}
