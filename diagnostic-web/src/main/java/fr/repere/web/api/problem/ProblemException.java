package fr.repere.web.api.problem;

/** Thrown by the web layer when a request cannot be served; carries the problem to answer with. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
