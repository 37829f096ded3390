package fr.repere.questionnaire;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A question of the questionnaire. {@code indicator} is the sub-indicator of its dimension it
 * informs; {@code hint} tells the worker how to ask it and {@code purpose} why; {@code frameworks}
 * maps it to skill frameworks (crcn, digcomp, eds → competence references); {@code showIf} (may be
 * null) hides it when it does not apply to the person.
 */
public record Question(String code, Dimension dimension, String indicator, String label, String hint, String purpose,
                       Map<String, List<String>> frameworks, boolean multiple, boolean required, int weight,
                       List<AnswerOption> options, Condition showIf) {

    public Question {
        options = List.copyOf(options);
        frameworks = Map.copyOf(frameworks);
    }

    public Optional<AnswerOption> option(String optionCode) {
        return options.stream().filter(o -> o.code().equals(optionCode)).findFirst();
    }

    /** Whether skip logic asks this question, given the answers already recorded. */
    public boolean appliesTo(AnswerSheet sheet) {
        return showIf == null || showIf.holdsFor(sheet);
    }
}
