package fr.repere.web.api.ruleset;

import fr.repere.infrastructure.JpaRulesetRepository;
import fr.repere.ruleset.RuleBaseCompiler;
import fr.repere.ruleset.Ruleset;
import fr.repere.ruleset.Rulesets;
import fr.repere.web.security.Caller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transaction boundary around the ruleset use cases, always within the organisation of the
 * caller's team: another organisation's versions are unknown (404), never listed.
 */
@ApplicationScoped
public class RulesetRegister {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private RuleBaseCompiler compiler;

    @Inject
    private Clock clock;

    @Transactional
    public Ruleset upload(Caller admin, String version, String description, Map<String, byte[]> tables) {
        Ruleset r = rulesets().upload(organisation(admin), version, description, tables);
        em.flush();
        return r;
    }

    @Transactional
    public void activate(Caller admin, String version) {
        rulesets().activate(organisation(admin), version);
        em.flush();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map.Entry<String, Map<String, byte[]>> inForce(String organisation) {
        return rulesets().inForce(organisation);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ruleset> uploaded(Caller caller) {
        return rulesets().uploaded(organisation(caller));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Map<String, byte[]>> tables(Caller caller, String version) {
        return rulesets().tables(organisation(caller), version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> organisationOf(String team) {
        return rulesets().organisationOf(team);
    }

    /** The organisation of the caller's team, whose rule sets the caller sees and changes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String organisation(Caller caller) {
        return rulesets().organisationOf(caller.team()).orElseThrow(() -> new IllegalStateException(
                "agent " + caller.agentId() + " has a team of no organisation"));
    }

    public String shippedVersion() {
        return compiler.shippedVersion();
    }

    private Rulesets rulesets() {
        return new Rulesets(new JpaRulesetRepository(em), compiler, clock);
    }
}
