package fr.repere.infrastructure;

import fr.repere.identity.Team;
import fr.repere.ruleset.Ruleset;
import fr.repere.ruleset.RulesetRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
    public Optional<Ruleset> lockActive(String organisation) {
        // the organisation's row first: it exists even while the shipped rules are in force (no
        // ruleset row to lock); then a locking read, which sees the latest committed rows where a
        // plain read keeps the transaction's snapshot. uq_ruleset_one_active (V22) is the last guard.
        em.createNativeQuery("SELECT id FROM organisation WHERE id = ?1 FOR UPDATE")
                .setParameter(1, organisation).getResultList();
        Optional<Ruleset> active = em.createQuery("SELECT r FROM Ruleset r WHERE r.organisation = :org AND r.active = TRUE", Ruleset.class)
                .setParameter("org", organisation).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        active.ifPresent(r -> em.refresh(r, LockModeType.PESSIMISTIC_WRITE)); // an instance already in the context keeps its old state otherwise
        return active;
    }

    @Override
    public Optional<Ruleset> findLocked(String organisation, String version) {
        Optional<Ruleset> found = find(organisation, version);
        found.ifPresent(r -> em.refresh(r, LockModeType.PESSIMISTIC_WRITE));
        return found;
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
