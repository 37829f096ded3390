package fr.repere.diagnostic;

import fr.repere.questionnaire.AnswerSheet;
import fr.repere.questionnaire.Questionnaire;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.scoring.ScoreCard;
import fr.repere.scoring.Scorer;

import java.time.Clock;

/**
 * The use case of taking a diagnostic: check the answers against the current questionnaire,
 * score them, ask the rule base for an orientation, store the whole. Transactions are the
 * caller's.
 */
public final class DiagnosticTaking {

    private final QuestionnaireCatalog catalog;
    private final OrientationPolicy policy;
    private final DiagnosticRepository repository;
    private final Clock clock;

    public DiagnosticTaking(QuestionnaireCatalog catalog, OrientationPolicy policy, DiagnosticRepository repository,
                            Clock clock) {
        this.catalog = catalog;
        this.policy = policy;
        this.repository = repository;
        this.clock = clock;
    }

    /** Takes a diagnostic in one go, with the current questionnaire. */
    public Diagnostic take(NewDiagnostic request) {
        return take(DiagnosticId.next(), request.team(), request.caseRef(), catalog.current(), request.answers());
    }

    /** Takes a diagnostic with a given id and questionnaire version (a completed draft keeps both). */
    Diagnostic take(DiagnosticId id, String team, String caseRef, Questionnaire questionnaire, AnswerSheet answers) {
        return take(id, team, caseRef, questionnaire, answers, java.util.Set.of());
    }

    /** The same, with context flags learnt outside the answers (see {@link Profile#withContext}). */
    Diagnostic take(DiagnosticId id, String team, String caseRef, Questionnaire questionnaire, AnswerSheet answers,
                    java.util.Set<String> context) {
        questionnaire.checkComplete(answers);
        ScoreCard card = Scorer.score(questionnaire, answers);
        OrientationDecision decision = policy.orient(Profile.of(card).withContext(context));
        Diagnostic diagnostic = Diagnostic.record(id, team, caseRef, questionnaire.version(), answers, card, decision,
                clock.instant());
        repository.store(diagnostic);
        return diagnostic;
    }
}
