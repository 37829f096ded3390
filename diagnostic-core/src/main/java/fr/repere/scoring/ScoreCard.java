package fr.repere.scoring;

import fr.repere.questionnaire.Dimension;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The scores of the four dimensions and the context flags raised by the answers. */
public record ScoreCard(Map<Dimension, DimensionScore> scores, Set<String> flags) {

    public ScoreCard {
        Map<Dimension, DimensionScore> copy = new EnumMap<>(Dimension.class);
        copy.putAll(scores);
        scores = Collections.unmodifiableMap(copy);
        flags = Set.copyOf(flags);
    }

    public DimensionScore of(Dimension dimension) {
        return scores.get(dimension);
    }

    public List<DimensionScore> all() {
        return List.copyOf(scores.values());
    }
}
