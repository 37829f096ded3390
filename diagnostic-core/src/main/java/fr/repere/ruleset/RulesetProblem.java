package fr.repere.ruleset;

/**
 * Why a ruleset cannot be used, in words a department analyst understands; {@code file},
 * {@code sheet}, {@code row} and {@code column} locate it in the decision tables when known.
 */
public record RulesetProblem(String file, String sheet, Integer row, String column, String message) {

    public static RulesetProblem general(String message) {
        return new RulesetProblem(null, null, null, null, message);
    }
}
