package fr.repere.web.retention;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.dossier.DossierRef;
import fr.repere.dossier.Retention;
import fr.repere.journal.JournalEntry;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Transaction boundaries of the retention jobs: each dossier is anonymized in its own transaction
 * with its journal entry (both or neither), each batch of the journal purge is its own transaction.
 */
@ApplicationScoped
public class RetentionWork {

    @Inject
    private Retention retention;

    @Inject
    private RetentionSettings settings;

    @Inject
    private fr.repere.host.Launching launching;

    @Inject
    private fr.repere.hostevent.HostEventRetention hostEvents;

    @Inject
    private JournalWriter journal;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<DossierRef> dueDossiers(Instant now, int limit) {
        return retention.dueDossiers(settings.dossiers(), now, limit);
    }

    /** Anonymizes one dossier if still due, journaled; false if there was nothing to do. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean anonymize(DossierRef ref, Instant now) {
        return retention.anonymizeIfDue(settings.dossiers(), ref, now).map(done -> {
            // the pseudonym only: naming the diagnostics would link them back to the dossier
            String dossier = journal.dossier(ref.team() == null ? "" : ref.team(), ref.caseRef());
            journal.append(JournalEntry.anonymized(now, dossier, null));
            retention.flush();
            return true;
        }).orElse(false);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<DiagnosticId> dueWithoutCase(Instant now, int limit) {
        return retention.dueWithoutCase(settings.dossiers(), now, limit);
    }

    /**
     * Anonymizes the diagnostic saved without a case reference, and deletes the draft, of that id
     * if still due, journaled without any dossier or id (it stands for no one); false if there was
     * nothing to do.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean anonymizeWithoutCase(DiagnosticId id, Instant now) {
        if (!retention.anonymizeWithoutCaseIfDue(settings.dossiers(), id, now)) {
            return false;
        }
        journal.append(JournalEntry.anonymized(now, null, null));
        retention.flush();
        return true;
    }

    /** Deletes one batch of journal entries past the period; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeJournal(Instant now, int limit) {
        return retention.purgeJournal(settings.journal(), now, limit);
    }

    /** Deletes one batch of refusal counts past the journal's period (they are kept as long as it); returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeRefusalCounts(Instant now, int limit) {
        return retention.purgeRefusalCounts(settings.journal(), now, limit);
    }

    /**
     * Deletes one batch of login throttle keys idle for a day (longer than any wait, and than the
     * time after which a key's failures are forgotten anyway); returns how many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeIdleLoginThrottles(Instant now, int limit) {
        return retention.purgeIdleLoginThrottles(now, limit);
    }

    /** Deletes the used launch token ids whose tokens expired (kept only to refuse a replay meanwhile); returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forgetExpiredLaunchTokens(Instant now) {
        return launching.forgetExpiredTokens(now);
    }

    /** Deletes one batch of host events past their retention, with their webhook deliveries; returns how many events. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeHostEvents(Instant now, int limit) {
        return hostEvents.purge(now, limit);
    }
}
