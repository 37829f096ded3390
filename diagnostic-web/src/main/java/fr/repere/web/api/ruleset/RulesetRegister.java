package fr.repere.web.api.ruleset;

import fr.repere.ruleset.Ruleset;
import fr.repere.ruleset.Rulesets;
import fr.repere.web.security.Caller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transaction boundary around the ruleset use cases ({@link Rulesets}, in the core), always within
 * the organisation of the caller's team: another organisation's versions are unknown (404), never
 * listed.
 */
@ApplicationScoped
public class RulesetRegister {

    @Inject
    private Rulesets rulesets;

    @Transactional
    public Ruleset upload(Caller admin, String version, String description, Map<String, byte[]> tables) {
        return rulesets.upload(organisation(admin), version, description, tables);
    }

    @Transactional
    public void activate(Caller admin, String version) {
        rulesets.activate(organisation(admin), version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map.Entry<String, Map<String, byte[]>> inForce(String organisation) {
        return rulesets.inForce(organisation);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ruleset> uploaded(Caller caller) {
        return rulesets.uploaded(organisation(caller));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Map<String, byte[]>> tables(Caller caller, String version) {
        return rulesets.tables(organisation(caller), version);
    }

    /** The organisation of the caller's team, whose rule sets the caller sees and changes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String organisation(Caller caller) {
        return rulesets.organisationOf(caller.team()).orElseThrow(() -> new IllegalStateException(
                "agent " + caller.agentId() + " has a team of no organisation"));
    }

    public String shippedVersion() {
        return rulesets.shippedVersion();
    }
}
