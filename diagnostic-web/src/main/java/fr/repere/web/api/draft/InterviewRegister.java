package fr.repere.web.api.draft;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;
import fr.repere.diagnostic.DraftChange;
import fr.repere.diagnostic.Interviewing;
import fr.repere.diagnostic.UnknownDraftException;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.questionnaire.Questionnaire;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.web.platform.RuleBaseInForce;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;
import fr.repere.web.security.TeamScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transaction boundary around the interview use cases, for one caller: another team's draft is
 * unknown (404), every access is journaled, each change is flushed before returning.
 */
@ApplicationScoped
public class InterviewRegister {

    @Inject
    private Interviewing interviews;

    @Inject
    private QuestionnaireCatalog catalog;

    @Inject
    private RuleBaseInForce rules;

    @Inject
    private Clock clock;

    @Inject
    private JournalWriter journal;

    @Inject
    private TeamScope scope;

    @Transactional
    public DraftView start(Caller caller, String caseRef, Map<String, List<String>> answers) {
        DraftChange change = interviews.start(caller.team(), caseRef, answers, true); // the resource checked consent
        log(caller, JournalAction.DRAFT_START, change.draft());
        return flushed(change);
    }

    @Transactional
    public DraftView answer(Caller caller, DiagnosticId id, Map<String, List<String>> answers) {
        ofTeam(caller, id, JournalAction.DRAFT_CHANGE);
        DraftChange change = interviews.answer(id, answers);
        log(caller, JournalAction.DRAFT_CHANGE, change.draft());
        return flushed(change);
    }

    @Transactional
    public DraftView find(Caller caller, DiagnosticId id) {
        Draft draft = ofTeam(caller, id, JournalAction.DRAFT_READ);
        log(caller, JournalAction.DRAFT_READ, draft);
        return DraftView.of(new DraftChange(draft, List.of()), interviews.questionnaireOf(draft));
    }

    @Transactional
    public Diagnostic complete(Caller caller, DiagnosticId id) {
        ofTeam(caller, id, JournalAction.DIAGNOSTIC_CREATE);
        // oriented by the rules of the caller's organisation, with what the CAF said (with the person's consent)
        Diagnostic diagnostic = interviews.complete(id, rules.forTeam(caller.team()));
        journal.append(JournalEntry.dossierAction(clock.instant(), caller.actor(), JournalAction.DIAGNOSTIC_CREATE,
                journal.dossier(diagnostic.team(), diagnostic.caseRef()), diagnostic.id().value()));
        interviews.flush();
        return diagnostic;
    }

    @Transactional
    public void abandon(Caller caller, DiagnosticId id) {
        Draft draft = ofTeam(caller, id, JournalAction.DRAFT_ABANDON);
        log(caller, JournalAction.DRAFT_ABANDON, draft);
        interviews.abandon(id); // what the CAF said goes with the interview
        interviews.flush();
    }

    private Draft ofTeam(Caller caller, DiagnosticId id, JournalAction attempted) {
        return scope.of(caller, Optional.of(interviews.find(id)), Draft::belongsTo, attempted, id.value())
                .orElseThrow(() -> new UnknownDraftException(id));
    }

    private void log(Caller caller, JournalAction action, Draft draft) {
        journal.append(JournalEntry.dossierAction(clock.instant(), caller.actor(), action,
                journal.dossier(draft.team(), draft.caseRef()), draft.id().value()));
    }

    private DraftView flushed(DraftChange change) {
        interviews.flush(); // optimistic-lock and constraint failures surface here, as a clear error
        Questionnaire questionnaire = catalog.version(change.draft().questionnaireVersion()).orElseThrow();
        return DraftView.of(change, questionnaire);
    }
}
