package fr.repere.diagnostic;

import fr.repere.questionnaire.AnswerSheet;

/**
 * A request to take a diagnostic with the current questionnaire, for a dossier of {@code team}.
 * {@code caseRef} may be null; {@code team} is null only outside any team (tests, tools).
 */
public record NewDiagnostic(String team, String caseRef, AnswerSheet answers) {

    public NewDiagnostic(String caseRef, AnswerSheet answers) {
        this(null, caseRef, answers);
    }
}
