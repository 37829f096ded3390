package fr.repere.infrastructure;

import fr.repere.ruleset.Ruleset;
import fr.repere.ruleset.RulesetRepository;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Ruleset versions in MariaDB through JPA. */
public class JpaRulesetRepository implements RulesetRepository {

    private final EntityManager em;

    public JpaRulesetRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(Ruleset ruleset) {
        em.persist(ruleset);
    }

    @Override
    public Optional<Ruleset> find(String version) {
        return Optional.ofNullable(em.find(Ruleset.class, version));
    }

    @Override
    public List<Ruleset> all() {
        return em.createQuery("SELECT r FROM Ruleset r ORDER BY r.uploadedAt", Ruleset.class).getResultList();
    }

    @Override
    public Optional<Ruleset> active() {
        return em.createQuery("SELECT r FROM Ruleset r WHERE r.active = TRUE", Ruleset.class).getResultStream().findFirst();
    }
}
