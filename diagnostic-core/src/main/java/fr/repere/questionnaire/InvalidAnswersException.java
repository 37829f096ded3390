package fr.repere.questionnaire;

import java.util.List;

/** The answer sheet breaks the questionnaire's rules; each problem names its question. */
public class InvalidAnswersException extends RuntimeException {

    private final transient List<AnswerProblem> problems;

    public InvalidAnswersException(List<AnswerProblem> problems) {
        super(problems.size() + " answer problem(s), first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<AnswerProblem> problems() {
        return problems;
    }
}
