package fr.repere.web.api.ruleset;

import fr.repere.infrastructure.JpaRulesetRepository;
import fr.repere.ruleset.RuleBaseCompiler;
import fr.repere.ruleset.Ruleset;
import fr.repere.ruleset.Rulesets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Transaction boundary around the ruleset use cases. */
@ApplicationScoped
public class RulesetRegister {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private RuleBaseCompiler compiler;

    @Inject
    private Clock clock;

    @Transactional
    public Ruleset upload(String version, String description, Map<String, byte[]> tables) {
        Ruleset r = rulesets().upload(version, description, tables);
        em.flush();
        return r;
    }

    @Transactional
    public void activate(String version) {
        rulesets().activate(version);
        em.flush();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map.Entry<String, Map<String, byte[]>> inForce() {
        return rulesets().inForce();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ruleset> uploaded() {
        return new JpaRulesetRepository(em).all();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Map<String, byte[]>> tables(String version) {
        if (version.equals(compiler.shippedVersion())) {
            return Optional.of(compiler.shippedTables());
        }
        return new JpaRulesetRepository(em).find(version).map(Ruleset::tables);
    }

    public String shippedVersion() {
        return compiler.shippedVersion();
    }

    private Rulesets rulesets() {
        return new Rulesets(new JpaRulesetRepository(em), compiler, clock);
    }
}
