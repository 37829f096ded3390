package fr.repere.ruleset;

import java.util.List;

/** The uploaded tables do not compile, or leave profiles without exactly one primary orientation. */
public class InvalidRulesetException extends RuntimeException {

    private final transient List<RulesetProblem> problems;

    public InvalidRulesetException(List<RulesetProblem> problems) {
        super(problems.size() + " ruleset problem(s), first: " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<RulesetProblem> problems() {
        return problems;
    }
}
