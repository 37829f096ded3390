package fr.repere.web.api.history;

import fr.repere.dossier.CaseHistory;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Reads a case of the caller's team: its diagnostics (oldest first) and its interviews in
 * progress. Another team's case reads as empty; every diagnostic and draft read is journaled.
 */
@ApplicationScoped
public class DossierHistory {

    @Inject
    private CaseHistory histories;

    @Inject
    private JournalWriter journal;

    @Inject
    private Clock clock;

    @Transactional
    public HistoryView of(Caller caller, String caseRef) {
        CaseHistory.Story story = histories.of(caller.team(), caseRef);
        story.diagnostics().forEach(d -> log(caller, JournalAction.DIAGNOSTIC_READ, d.team(), d.caseRef(), d.id().value()));
        story.drafts().forEach(d -> log(caller, JournalAction.DRAFT_READ, d.team(), d.caseRef(), d.id().value()));
        return HistoryView.of(caseRef, story.diagnostics(), story.drafts());
    }

    private void log(Caller caller, JournalAction action, String team, String caseRef, String id) {
        journal.append(JournalEntry.dossierAction(clock.instant(), caller.actor(), action, journal.dossier(team, caseRef), id));
    }
}
