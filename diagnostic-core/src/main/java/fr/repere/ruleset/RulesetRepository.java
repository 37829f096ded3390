package fr.repere.ruleset;

import java.util.List;
import java.util.Optional;

/** Where uploaded ruleset versions are kept. */
public interface RulesetRepository {

    void store(Ruleset ruleset);

    Optional<Ruleset> find(String version);

    /** Every uploaded version, oldest first. */
    List<Ruleset> all();

    Optional<Ruleset> active();
}
