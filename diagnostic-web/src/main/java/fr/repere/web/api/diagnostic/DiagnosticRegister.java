package fr.repere.web.api.diagnostic;

import fr.repere.diagnostic.Diagnosing;
import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.NewDiagnostic;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.web.platform.RuleBaseInForce;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;
import fr.repere.web.security.TeamScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * Transaction boundary around the diagnostic use cases, for one caller: a diagnostic of another
 * team is treated as absent (404, so ids do not reveal existence), and every access is journaled.
 */
@ApplicationScoped
public class DiagnosticRegister {

    @Inject
    private Diagnosing diagnostics;

    @Inject
    private RuleBaseInForce rules;

    @Inject
    private Clock clock;

    @Inject
    private JournalWriter journal;

    @Inject
    private TeamScope scope;

    @Transactional
    public Diagnostic take(Caller caller, String caseRef, AnswerSheet answers) {
        Diagnostic diagnostic = diagnostics.take(rules.forTeam(caller.team()), new NewDiagnostic(caller.team(), caseRef, answers));
        log(caller, JournalAction.DIAGNOSTIC_CREATE, diagnostic);
        diagnostics.flush(); // constraint violations surface here, inside the caller's error handling
        return diagnostic;
    }

    /** Records the worker's decision on the proposal; empty if there is no such diagnostic for the caller. */
    @Transactional
    public Optional<Diagnostic> decide(Caller caller, DiagnosticId id, DecisionRequest decision) {
        Optional<Diagnostic> found = ofTeam(caller, id, JournalAction.DECISION_RECORD);
        found.ifPresent(d -> {
            diagnostics.decide(d, decision.orientation(), decision.actions(), decision.reason());
            log(caller, JournalAction.DECISION_RECORD, d);
        });
        diagnostics.flush();
        return found;
    }

    @Transactional
    public Optional<Diagnostic> find(Caller caller, DiagnosticId id) {
        Optional<Diagnostic> found = ofTeam(caller, id, JournalAction.DIAGNOSTIC_READ);
        found.ifPresent(d -> log(caller, JournalAction.DIAGNOSTIC_READ, d));
        return found;
    }

    private Optional<Diagnostic> ofTeam(Caller caller, DiagnosticId id, JournalAction attempted) {
        return scope.of(caller, diagnostics.find(id), Diagnostic::belongsTo, attempted, id.value());
    }

    private void log(Caller caller, JournalAction action, Diagnostic d) {
        journal.append(JournalEntry.dossierAction(clock.instant(), caller.actor(), action,
                journal.dossier(d.team(), d.caseRef()), d.id().value()));
    }
}
