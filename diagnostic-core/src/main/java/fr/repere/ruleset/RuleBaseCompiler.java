package fr.repere.ruleset;

import fr.repere.diagnostic.OrientationPolicy;

import java.util.Map;

/**
 * Port to the rule engine: turns decision tables into a policy, after checking that they compile
 * and that every profile gets exactly one primary orientation. Implemented by diagnostic-rules.
 */
public interface RuleBaseCompiler {

    /** The version of the rules shipped with the application. */
    String shippedVersion();

    /** The decision tables shipped with the application, by file name ({@code *.drl.xlsx}). */
    Map<String, byte[]> shippedTables();

    /**
     * Compiles and checks tables.
     *
     * @throws InvalidRulesetException with every problem found, located as precisely as possible
     */
    OrientationPolicy compile(String version, Map<String, byte[]> tables);

    /**
     * Loads tables that already passed {@link #compile} (a stored version being activated):
     * compiled again, without repeating the completeness check, which takes seconds.
     */
    default OrientationPolicy load(String version, Map<String, byte[]> tables) {
        return compile(version, tables);
    }

    /**
     * Frees what a policy from {@link #compile} or {@link #load} holds (a compiled rule base stays
     * in memory otherwise), unless it is shared like the shipped rules. The policy must not be used
     * afterwards.
     */
    default void release(OrientationPolicy policy) {
    }
}
