package fr.repere.questionnaire;

import fr.repere.scoring.Level;

import java.util.Set;

/**
 * One possible answer. {@code score} is 0-100 (100 = no obstacle) for options of scored
 * questions; an {@code unknown} option ("ne sait pas / ne souhaite pas répondre") has no
 * score and lowers the confidence of its dimension instead of counting as the worst answer.
 * An {@code exclusive} option ("Aucun", "Personne") cannot be combined with another option of a
 * multiple-choice question; an unknown one never can. {@code flags} are context facts the rules
 * read (e.g. URGENT_PROCEDURE). {@code maxLevel} (may be null) caps the level of the dimension
 * whatever the mean: someone who cannot do an online procedure alone is not "Autonome" in skills.
 */
public record AnswerOption(String code, String label, Integer score, boolean unknown, boolean exclusive,
                           Level maxLevel, Set<String> flags) {

    public AnswerOption {
        flags = Set.copyOf(flags);
    }

    /** Whether choosing it excludes any other option of the same question. */
    public boolean standsAlone() {
        return unknown || exclusive;
    }
}
