package fr.repere.diagnostic;

import fr.repere.questionnaire.Questionnaire;
import fr.repere.questionnaire.QuestionnaireCatalog;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The use cases of an interview saved as it goes: start a draft, record answers (any number of
 * times, in any order), complete it into a diagnostic, or abandon it. Transactions are the
 * caller's.
 */
public final class Interviews {

    private final QuestionnaireCatalog catalog;
    private final DraftRepository drafts;
    private final DiagnosticTaking taking;
    private final Clock clock;

    public Interviews(QuestionnaireCatalog catalog, DraftRepository drafts, DiagnosticTaking taking, Clock clock) {
        this.catalog = catalog;
        this.drafts = drafts;
        this.taking = taking;
        this.clock = clock;
    }

    /** Starts with the current questionnaire, optionally with the first answers. */
    public DraftChange start(String caseRef, Map<String, List<String>> answers) {
        return start(null, caseRef, answers);
    }

    /** Starts an interview for a dossier of {@code team}, without recording consent. */
    public DraftChange start(String team, String caseRef, Map<String, List<String>> answers) {
        return start(team, caseRef, answers, false);
    }

    /**
     * Starts an interview for a dossier of {@code team}; {@code consented}: the person heard the
     * information notice and agreed, which the draft records with the time.
     */
    public DraftChange start(String team, String caseRef, Map<String, List<String>> answers, boolean consented) {
        Questionnaire questionnaire = catalog.current();
        Draft draft = consented
                ? Draft.startWithConsent(DiagnosticId.next(), team, caseRef, questionnaire, clock.instant())
                : Draft.start(DiagnosticId.next(), team, caseRef, questionnaire, clock.instant());
        List<String> dropped = draft.answer(questionnaire, answers, clock.instant());
        drafts.store(draft);
        return new DraftChange(draft, dropped);
    }

    public DraftChange answer(DiagnosticId id, Map<String, List<String>> answers) {
        Draft draft = find(id);
        List<String> dropped = draft.answer(questionnaireOf(draft), answers, clock.instant());
        return new DraftChange(draft, dropped);
    }

    public Draft find(DiagnosticId id) {
        return drafts.find(id).orElseThrow(() -> new UnknownDraftException(id));
    }

    public Questionnaire questionnaireOf(Draft draft) {
        return catalog.version(draft.questionnaireVersion()).orElseThrow(() -> new IllegalStateException(
                "questionnaire " + draft.questionnaireVersion() + " of draft " + draft.id() + " is no longer published"));
    }

    /** Turns the draft into a diagnostic of the same id, with the draft's questionnaire version. */
    public Diagnostic complete(DiagnosticId id) {
        return complete(id, java.util.Set.of());
    }

    /** The same, with context flags learnt during the interview (e.g. from the CAF, with consent). */
    public Diagnostic complete(DiagnosticId id, java.util.Set<String> context) {
        Draft draft = find(id);
        Diagnostic diagnostic = taking.take(draft.id(), draft.team(), draft.caseRef(), questionnaireOf(draft),
                draft.answers(), context);
        diagnostic.recordConsent(draft.consentAt().orElse(null));
        drafts.remove(draft);
        return diagnostic;
    }

    public void abandon(DiagnosticId id) {
        drafts.remove(find(id));
    }
}
