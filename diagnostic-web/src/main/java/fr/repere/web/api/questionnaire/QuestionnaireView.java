package fr.repere.web.api.questionnaire;

import fr.repere.questionnaire.AnswerOption;
import fr.repere.questionnaire.Dimension;
import fr.repere.questionnaire.Question;
import fr.repere.questionnaire.Questionnaire;
import fr.repere.scoring.Level;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A questionnaire version with everything needed to render it: labels, hints, options, skip logic, scales. */
public record QuestionnaireView(String version, String title, List<DimensionView> dimensions, List<LevelView> levels,
                                List<QuestionView> questions) {

    public record DimensionView(String code, String label, boolean scored) {
    }

    public record LevelView(String code, String label) {
    }

    public record QuestionView(String code, String dimension, String indicator, String label, String hint,
                               String purpose, Map<String, List<String>> frameworks, boolean multiple, boolean required,
                               int weight, ConditionView showIf, List<OptionView> options) {
    }

    public record ConditionView(String question, Set<String> anyOf) {
    }

    public record OptionView(String code, String label, Integer score, boolean unknown, boolean exclusive) {
    }

    static QuestionnaireView of(Questionnaire q) {
        return new QuestionnaireView(q.version(), q.title(),
                Arrays.stream(Dimension.values()).map(d -> new DimensionView(d.name(), d.label(), d.scored())).toList(),
                Arrays.stream(Level.values()).map(l -> new LevelView(l.name(), l.label())).toList(),
                q.questions().stream().map(QuestionnaireView::question).toList());
    }

    private static QuestionView question(Question q) {
        return new QuestionView(q.code(), q.dimension().name(), q.indicator(), q.label(), q.hint(), q.purpose(),
                q.frameworks(), q.multiple(), q.required(), q.weight(),
                q.showIf() == null ? null : new ConditionView(q.showIf().question(), q.showIf().anyOf()),
                q.options().stream().map(QuestionnaireView::option).toList());
    }

    private static OptionView option(AnswerOption o) {
        return new OptionView(o.code(), o.label(), o.score(), o.unknown(), o.exclusive());
    }
}
