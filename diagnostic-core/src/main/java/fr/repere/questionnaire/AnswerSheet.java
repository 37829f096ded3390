package fr.repere.questionnaire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options chosen for each question code, as given by the worker. Immutable. */
public final class AnswerSheet {

    private final Map<String, List<String>> chosen;

    private AnswerSheet(Map<String, List<String>> chosen) {
        this.chosen = chosen;
    }

    public static AnswerSheet of(Map<String, List<String>> chosen) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        chosen.forEach((question, options) -> copy.put(question, List.copyOf(options)));
        return new AnswerSheet(Collections.unmodifiableMap(copy));
    }

    public List<String> optionsOf(String questionCode) {
        return chosen.getOrDefault(questionCode, List.of());
    }

    public boolean answered(String questionCode) {
        return chosen.containsKey(questionCode);
    }

    public Map<String, List<String>> asMap() {
        return chosen;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnswerSheet sheet && sheet.chosen.equals(chosen);
    }

    @Override
    public int hashCode() {
        return chosen.hashCode();
    }

    @Override
    public String toString() {
        return chosen.toString();
    }
}
