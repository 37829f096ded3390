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

    /**
     * The organisation's active version as last committed, its activations made one at a time
     * until the transaction ends: a concurrent activation waits here, then sees the version this
     * one made active (a plain read could see an older snapshot and leave two active versions).
     */
    Optional<Ruleset> lockActive(String organisation);

    /** A version of the organisation as last committed, locked until the transaction ends (after {@link #lockActive}). */
    Optional<Ruleset> findLocked(String organisation, String version);

    /** The organisation a team belongs to (the rules in force for a worker are its organisation's). */
    Optional<String> organisationOf(String team);

    /** Writes the changes made so far, so that a conflict shows now rather than at commit. */
    default void flush() {
    }
}
