package fr.repere.diagnostic;

import fr.repere.questionnaire.AnswerSheet;

/** A request to take a diagnostic with the current questionnaire. {@code caseRef} may be null. */
public record NewDiagnostic(String caseRef, AnswerSheet answers) {
}
