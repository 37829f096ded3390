package fr.repere.scoring;

import fr.repere.questionnaire.AnswerOption;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Question;
import fr.repere.questionnaire.Questionnaire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/** Random complete answer sheets that follow a questionnaire's rules, for property tests. */
final class RandomSheets {

    private RandomSheets() {
    }

    static Map<String, List<String>> sheet(Questionnaire questionnaire, Random rng) {
        return normalize(questionnaire, Map.of(), rng);
    }

    /**
     * Walks the questions in order: keeps the given answers of the questions skip logic asks, drops
     * the others, and answers at random the asked questions left without an answer.
     */
    static Map<String, List<String>> normalize(Questionnaire questionnaire, Map<String, List<String>> answers, Random rng) {
        return build(questionnaire, q -> answers.containsKey(q.code()) ? answers.get(q.code()) : answer(q, rng));
    }

    /** Like {@link #normalize} but with the answer of each asked question chosen by {@code answer}. */
    static Map<String, List<String>> build(Questionnaire questionnaire, Function<Question, List<String>> answer) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Question q : questionnaire.questions()) {
            if (q.appliesTo(AnswerSheet.of(out))) {
                out.put(q.code(), answer.apply(q));
            }
        }
        return out;
    }

    /**
     * A valid answer: one option, or for a multiple question an option that stands alone
     * ("unknown" or exclusive) alone, or a non-empty set of others.
     */
    static List<String> answer(Question q, Random rng) {
        List<AnswerOption> options = q.options();
        if (!q.multiple()) {
            return List.of(options.get(rng.nextInt(options.size())).code());
        }
        List<AnswerOption> unknown = options.stream().filter(AnswerOption::standsAlone).toList();
        List<AnswerOption> known = options.stream().filter(o -> !o.standsAlone()).toList();
        if (!unknown.isEmpty() && rng.nextInt(known.size() + 1) == 0) {
            return List.of(unknown.get(rng.nextInt(unknown.size())).code());
        }
        List<String> chosen = new ArrayList<>();
        while (chosen.isEmpty()) {
            known.stream().filter(o -> rng.nextInt(3) == 0).forEach(o -> chosen.add(o.code()));
        }
        Collections.shuffle(chosen, rng);
        return List.copyOf(chosen);
    }
}
