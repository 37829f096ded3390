package fr.repere.scoring;

import fr.repere.questionnaire.AnswerOption;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Dimension;
import fr.repere.questionnaire.Question;
import fr.repere.questionnaire.Questionnaire;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Scores an answer sheet against the questionnaire it was taken with. Pure and deterministic.
 * A "ne sait pas" or missing answer is left out of the mean (never counted as the worst) and
 * lowers the confidence; for a multiple-choice question the best chosen option counts, since
 * having any of the listed means is what matters for access. An answer may cap the level of its
 * dimension ({@code maxLevel}): the mean says how far, the key answers say what is out of reach.
 */
public final class Scorer {

    private Scorer() {
    }

    public static ScoreCard score(Questionnaire questionnaire, AnswerSheet sheet) {
        Map<Dimension, long[]> sums = new EnumMap<>(Dimension.class); // weighted score, answered weight, applicable weight
        Map<Dimension, Level> caps = new EnumMap<>(Dimension.class);
        Set<String> flags = new HashSet<>();
        for (Question q : questionnaire.asked(sheet)) {
            Integer best = null;
            Level cap = null; // of the best option, which is the one that counts
            for (String code : sheet.optionsOf(q.code())) {
                AnswerOption option = q.option(code).orElseThrow(() -> new IllegalArgumentException("unchecked answer sheet"));
                flags.addAll(option.flags());
                if (option.score() != null && (best == null || option.score() > best)) {
                    best = option.score();
                    cap = option.maxLevel();
                }
            }
            if (!q.dimension().scored()) {
                continue;
            }
            long[] s = sums.computeIfAbsent(q.dimension(), d -> new long[3]);
            s[2] += q.weight();
            if (best != null) {
                s[0] += (long) q.weight() * best;
                s[1] += q.weight();
                caps.merge(q.dimension(), cap == null ? Level.AUTONOMOUS : cap, (a, b) -> a.atMost(b));
            }
        }
        Map<Dimension, DimensionScore> scores = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            if (d.scored()) {
                scores.put(d, dimensionScore(d, sums.getOrDefault(d, new long[3]), caps.get(d)));
            }
        }
        return new ScoreCard(scores, flags);
    }

    private static DimensionScore dimensionScore(Dimension d, long[] s, Level cap) {
        if (s[1] == 0) {
            return new DimensionScore(d, null, Level.NOT_ASSESSED, 0);
        }
        int score = (int) Math.round((double) s[0] / s[1]);
        int confidence = (int) Math.round(100.0 * s[1] / s[2]);
        return new DimensionScore(d, score, Level.of(score).atMost(cap), confidence);
    }
}
