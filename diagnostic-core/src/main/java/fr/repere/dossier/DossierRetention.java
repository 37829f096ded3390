package fr.repere.dossier;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The retention use case: which dossiers are due (no activity for the period) and their
 * anonymization. {@link #anonymizeIfDue} checks again, in the caller's transaction, that the
 * dossier is still due (a worker may have resumed it since it was listed), so running the job
 * twice, or on two nodes at once, changes nothing more.
 */
public final class DossierRetention {

    private final Dossiers dossiers;
    private final RetentionPeriod period;

    public DossierRetention(Dossiers dossiers, RetentionPeriod period) {
        this.dossiers = dossiers;
        this.period = period;
    }

    /** Up to {@code limit} dossiers due for anonymization as of {@code now}. */
    public List<DossierRef> due(Instant now, int limit) {
        return dossiers.inactiveSince(period.cutoff(now), limit);
    }

    /** Anonymizes the dossier if it is (still) due; empty if there was nothing to do. */
    public Optional<Dossier.Anonymization> anonymizeIfDue(DossierRef ref, Instant now) {
        Dossier dossier = dossiers.find(ref);
        if (!dossier.inactiveSince(period.cutoff(now))) {
            return Optional.empty();
        }
        return Optional.of(anonymize(dossiers, dossier, now));
    }

    /**
     * Ids of the diagnostics and drafts saved without a case reference that are due: each stands
     * alone (it belongs to no dossier) and is due after the same period without activity.
     */
    public List<DiagnosticId> dueWithoutCase(Instant now, int limit) {
        return dossiers.withoutCaseInactiveSince(period.cutoff(now), limit);
    }

    /**
     * Anonymizes the diagnostic of that id saved without a case reference, and deletes the draft of
     * that id, each if (still) due; false if there was nothing to do. The diagnostic gets a new id,
     * the free text of its referrals and what the CAF said during the interview go, as in a dossier.
     */
    public boolean anonymizeWithoutCaseIfDue(DiagnosticId id, Instant now) {
        Instant cutoff = period.cutoff(now);
        Optional<Diagnostic> diagnostic = dossiers.diagnosticWithoutCase(id).filter(d -> d.lastActivity().isBefore(cutoff));
        Optional<Draft> draft = dossiers.draftWithoutCase(id).filter(d -> d.updatedAt().isBefore(cutoff));
        if (diagnostic.isPresent() || draft.isPresent()) {
            dossiers.removeCafConsultations(List.of(id));
        }
        draft.ifPresent(dossiers::remove);
        diagnostic.ifPresent(d -> {
            d.anonymize(now);
            dossiers.redactReferrals(List.of(d.id()));
            dossiers.renumber(d, DiagnosticId.next());
        });
        return diagnostic.isPresent() || draft.isPresent();
    }

    static Dossier.Anonymization anonymize(Dossiers dossiers, Dossier dossier, Instant now) {
        dossiers.removeCafConsultations(dossier.interviews());
        Dossier.Anonymization done = dossier.anonymize(now);
        done.draftsToDelete().forEach(dossiers::remove);
        dossiers.redactLinkedRecords(dossier.ref(), List.copyOf(done.newIds().keySet()));
        dossier.diagnostics().forEach(d -> dossiers.renumber(d, done.newIds().get(d.id())));
        return done;
    }
}
