package fr.repere.questionnaire;

/** Why an answer sheet cannot be accepted, for one question, in French for the worker. */
public record AnswerProblem(String question, String message) {
}
