package fr.repere.rules;

import fr.repere.diagnostic.OrientationDecision;

import java.util.List;

/** What the rule base decided for one profile, and the rows (rule names) of every table that applied, sorted. */
public record Evaluation(OrientationDecision decision, List<String> rows) {

    public Evaluation {
        rows = List.copyOf(rows);
    }
}
