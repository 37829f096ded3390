package fr.repere.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * What a reader of an export must know to use it: scope, period, the suppression rule, and the
 * questionnaire and rule base versions behind the figures. Dates are months at most.
 *
 * @param territory             French label of the territory, e.g. « Nord (59) »
 * @param period                French label of the period, e.g. « janvier 2026 à juin 2026 (par mois) »
 * @param threshold             primary suppression threshold (counts below are hidden; ≥ 3)
 * @param questionnaireVersions versions of the questionnaire used by the counted diagnostics
 * @param rulesetVersions       versions of the rule base used by the counted diagnostics
 * @param extractedOn           date of extraction
 * @param definitions           French definitions and reading notes, one paragraph each
 * @param hiddenCells           how many cells the publication's tables hide (every row, total row included)
 */
public record Methodology(String territory, String period, int threshold, List<String> questionnaireVersions,
        List<String> rulesetVersions, LocalDate extractedOn, List<String> definitions, long hiddenCells) {

    public Methodology {
        if (threshold < 3) {
            throw new IllegalArgumentException("the suppression threshold is never below 3");
        }
        if (hiddenCells < 0) {
            throw new IllegalArgumentException("a count of hidden cells");
        }
        questionnaireVersions = List.copyOf(questionnaireVersions);
        rulesetVersions = List.copyOf(rulesetVersions);
        definitions = List.copyOf(definitions);
    }
}
