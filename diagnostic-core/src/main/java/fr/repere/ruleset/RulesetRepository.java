package fr.repere.ruleset;

import java.util.List;
import java.util.Optional;

/** Where uploaded ruleset versions are kept; every lookup is within one organisation. */
public interface RulesetRepository {

    void store(Ruleset ruleset);

    Optional<Ruleset> find(String organisation, String version);

    /** Every version the organisation uploaded, oldest first. */
    List<Ruleset> all(String organisation);

    Optional<Ruleset> active(String organisation);

    /** The organisation a team belongs to (the rules in force for a worker are its organisation's). */
    Optional<String> organisationOf(String team);

    /** Writes the changes made so far, so that a conflict shows now rather than at commit. */
    default void flush() {
    }
}
