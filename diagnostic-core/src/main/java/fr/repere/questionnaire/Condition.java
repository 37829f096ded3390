package fr.repere.questionnaire;

import java.util.Set;

/** Skip logic: the question is asked only when another question was answered with one of these options. */
public record Condition(String question, Set<String> anyOf) {

    public Condition {
        anyOf = Set.copyOf(anyOf);
    }

    boolean holdsFor(AnswerSheet sheet) {
        return sheet.optionsOf(question).stream().anyMatch(anyOf::contains);
    }
}
