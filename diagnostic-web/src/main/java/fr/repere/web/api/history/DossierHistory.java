package fr.repere.web.api.history;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.Draft;
import fr.repere.infrastructure.JpaDiagnosticRepository;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a case of the caller's team: its diagnostics (oldest first) and its interviews in
 * progress. Another team's case reads as empty; every diagnostic and draft read is journaled.
 */
@ApplicationScoped
public class DossierHistory {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private JournalWriter journal;

    @Inject
    private Clock clock;

    @Transactional
    public HistoryView of(Caller caller, String caseRef) {
        List<Diagnostic> diagnostics = new ArrayList<>(new JpaDiagnosticRepository(em).ofCase(List.of(caller.team()), caseRef));
        java.util.Collections.reverse(diagnostics); // oldest first: the order of a story
        List<Draft> drafts = em.createQuery("SELECT d FROM Draft d WHERE d.team = :team AND d.caseRef = :ref ORDER BY d.updatedAt DESC",
                Draft.class).setParameter("team", caller.team()).setParameter("ref", caseRef).getResultList();
        diagnostics.forEach(d -> log(caller, JournalAction.DIAGNOSTIC_READ, d.team(), d.caseRef(), d.id().value()));
        drafts.forEach(d -> log(caller, JournalAction.DRAFT_READ, d.team(), d.caseRef(), d.id().value()));
        return HistoryView.of(caseRef, diagnostics, drafts);
    }

    private void log(Caller caller, JournalAction action, String team, String caseRef, String id) {
        journal.append(JournalEntry.dossierAction(clock.instant(), caller.actor(), action, journal.dossier(team, caseRef), id));
    }
}
