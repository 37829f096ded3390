package fr.repere.web.security;

import fr.repere.journal.DossierPseudonym;
import fr.repere.journal.Journal;
import fr.repere.journal.JournalEntry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Appends to the audit journal. */
@ApplicationScoped
public class JournalWriter {

    @Inject
    private Journal journal;

    @Inject
    private DossierPseudonym pseudonyms;

    /** An entry about what the caller's transaction does: kept only if that transaction commits. */
    @Transactional
    public void append(JournalEntry entry) {
        journal.append(entry);
    }

    /**
     * An entry that must stay whatever happens next (a refused access, a failed login): written in
     * its own transaction, since the request that caused it ends in an error.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void appendRegardless(JournalEntry entry) {
        journal.append(entry);
    }

    /** The journal's name for a dossier. */
    public String dossier(String team, String caseRef) {
        return pseudonyms.of(team, caseRef);
    }
}
