package fr.repere.questionnaire;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One published version of the questionnaire. Immutable: a diagnostic keeps the version it was
 * taken with, so a version, once published, never changes (a change is a new version).
 */
public final class Questionnaire {

    private final String version;
    private final String title;
    private final Map<String, Question> questions;

    public Questionnaire(String version, String title, List<Question> questions) {
        this.version = version;
        this.title = title;
        Map<String, Question> byCode = new LinkedHashMap<>();
        questions.forEach(q -> byCode.put(q.code(), q));
        this.questions = byCode;
    }

    public String version() {
        return version;
    }

    public String title() {
        return title;
    }

    public List<Question> questions() {
        return List.copyOf(questions.values());
    }

    public Optional<Question> question(String code) {
        return Optional.ofNullable(questions.get(code));
    }

    /**
     * Checks a complete answer sheet: every code known, single questions answered once, no
     * answer to a question that skip logic hides, every applicable required question answered.
     */
    public void checkComplete(AnswerSheet sheet) {
        List<AnswerProblem> problems = new ArrayList<>(problemsOfGivenAnswers(sheet));
        for (String code : missing(sheet)) {
            problems.add(new AnswerProblem(code, "Réponse obligatoire manquante : « " + questions.get(code).label() + " »."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(problems);
        }
    }

    /**
     * Checks the answers given so far (a draft): codes known, cardinality respected, no answer to
     * a question that skip logic hides. Unanswered questions are fine.
     */
    public void checkPartial(AnswerSheet sheet) {
        List<AnswerProblem> problems = problemsOfGivenAnswers(sheet);
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(problems);
        }
    }

    /** The required questions that apply to the person and are not answered yet, in questionnaire order. */
    public List<String> missing(AnswerSheet sheet) {
        return asked(sheet).stream()
                .filter(q -> q.required() && !sheet.answered(q.code()))
                .map(Question::code)
                .toList();
    }

    /**
     * The questions the person is asked given these answers, in questionnaire order: a question whose
     * parent is not asked is not asked either, whatever a stale answer to the parent says (a parent
     * always comes earlier: the catalog checks it).
     */
    public List<Question> asked(AnswerSheet sheet) {
        Set<String> asked = new HashSet<>();
        List<Question> list = new ArrayList<>();
        for (Question q : questions.values()) {
            if (q.showIf() == null || asked.contains(q.showIf().question()) && q.appliesTo(sheet)) {
                asked.add(q.code());
                list.add(q);
            }
        }
        return list;
    }

    /**
     * Drops the answers that skip logic now hides (a parent answer changed), in questionnaire
     * order so that a whole branch goes at once. Returns the codes of the dropped answers.
     */
    public List<String> hiddenAnswers(AnswerSheet sheet) {
        Map<String, List<String>> kept = new LinkedHashMap<>(sheet.asMap());
        List<String> dropped = new ArrayList<>();
        for (Question q : questions.values()) {
            if (kept.containsKey(q.code()) && !q.appliesTo(AnswerSheet.of(kept))) {
                kept.remove(q.code());
                dropped.add(q.code());
            }
        }
        return dropped;
    }

    private List<AnswerProblem> problemsOfGivenAnswers(AnswerSheet sheet) {
        List<AnswerProblem> problems = new ArrayList<>();
        sheet.asMap().forEach((code, chosen) -> {
            Question q = questions.get(code);
            if (q == null) {
                problems.add(new AnswerProblem(code, "Question inconnue dans le questionnaire " + version + "."));
                return;
            }
            if (chosen.isEmpty()) {
                problems.add(new AnswerProblem(code, "Aucune réponse choisie."));
            } else if (!q.multiple() && chosen.size() > 1) {
                problems.add(new AnswerProblem(code, "Une seule réponse est possible à cette question."));
            } else if (chosen.size() != chosen.stream().distinct().count()) {
                problems.add(new AnswerProblem(code, "La même réponse est donnée deux fois."));
            }
            for (String option : chosen) {
                Optional<AnswerOption> known = q.option(option);
                if (known.isEmpty()) {
                    problems.add(new AnswerProblem(code, "Réponse « " + option + " » inconnue pour cette question."));
                } else if (known.get().standsAlone() && chosen.size() > 1) {
                    problems.add(new AnswerProblem(code, "« " + known.get().label() + " » ne peut pas être combinée avec une autre réponse."));
                }
            }
            if (!q.appliesTo(sheet)) {
                problems.add(new AnswerProblem(code, "Cette question ne s'applique pas d'après les réponses précédentes : elle ne doit pas être renseignée."));
            }
        });
        return problems;
    }
}
