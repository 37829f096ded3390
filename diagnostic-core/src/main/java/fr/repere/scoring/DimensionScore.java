package fr.repere.scoring;

import fr.repere.questionnaire.Dimension;

/**
 * The result of one dimension. {@code score} (0-100, null when not assessed) is the weighted
 * mean of the scores of the answered options; {@code confidence} (0-100) is the share of the
 * dimension's applicable questions that got a usable answer.
 */
public record DimensionScore(Dimension dimension, Integer score, Level level, int confidence) {

    public DimensionScore {
        if (score != null && (score < 0 || score > 100)) {
            throw new IllegalArgumentException("score out of range: " + score);
        }
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence out of range: " + confidence);
        }
    }
}
