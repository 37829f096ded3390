package fr.repere.web.security;

import fr.repere.infrastructure.JpaJournal;
import fr.repere.journal.DossierPseudonym;
import fr.repere.journal.JournalEntry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;

/** Appends to the audit journal. */
@ApplicationScoped
public class JournalWriter {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "repere.pseudonym-secret")
    private String secret;

    private volatile DossierPseudonym pseudonyms;

    /** An entry about what the caller's transaction does: kept only if that transaction commits. */
    @Transactional
    public void append(JournalEntry entry) {
        new JpaJournal(em).append(entry);
    }

    /**
     * An entry that must stay whatever happens next (a refused access, a failed login): written in
     * its own transaction, since the request that caused it ends in an error.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void appendRegardless(JournalEntry entry) {
        new JpaJournal(em).append(entry);
    }

    /** The journal's name for a dossier. */
    public String dossier(String team, String caseRef) {
        DossierPseudonym p = pseudonyms;
        if (p == null) {
            p = new DossierPseudonym(secret.getBytes(StandardCharsets.UTF_8));
            pseudonyms = p;
        }
        return p.of(team, caseRef);
    }
}
