package fr.repere.dossier;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where dossiers are read from: the diagnostics and drafts that carry a case reference. */
public interface Dossiers {

    /** The dossier's diagnostics (not anonymous) and drafts; an empty dossier if there are none. */
    Dossier find(DossierRef ref);

    /** At most {@code limit} dossiers whose last activity is before {@code cutoff}, oldest first. */
    List<DossierRef> inactiveSince(Instant cutoff, int limit);

    /**
     * Erases the free text of what hangs on the dossier beside its diagnostics: refusal reasons of
     * its referrals and what the person was to bring; its mandates stop naming the case.
     */
    void redactLinkedRecords(DossierRef ref, List<DiagnosticId> diagnostics);

    /**
     * At most {@code limit} ids of the diagnostics (not anonymous) and drafts saved without a case
     * reference whose last activity is before {@code cutoff}, oldest first. A draft completed into
     * a diagnostic shares its id: the id comes once.
     */
    List<DiagnosticId> withoutCaseInactiveSince(Instant cutoff, int limit);

    /** The diagnostic of that id if it was saved without a case reference and is not anonymous. */
    Optional<Diagnostic> diagnosticWithoutCase(DiagnosticId id);

    /** The draft of that id if it was saved without a case reference. */
    Optional<Draft> draftWithoutCase(DiagnosticId id);

    /** Erases the free text of the referrals made from these diagnostics (see {@link #redactLinkedRecords}). */
    void redactReferrals(List<DiagnosticId> diagnostics);

    /**
     * Deletes what was learnt from the CAF during these interviews: it follows the dossier, and
     * goes with it when it is erased or anonymized (a CAF answer is about the person).
     */
    void removeCafConsultations(List<DiagnosticId> interviews);

    /** Gives an anonymized diagnostic its new id (its lines follow). */
    void renumber(Diagnostic diagnostic, DiagnosticId newId);

    void remove(Diagnostic diagnostic);

    void remove(Draft draft);

    /**
     * Writes what the transaction changed so far, so that a constraint or a concurrent change
     * surfaces now, inside the caller's error handling, rather than at commit. Nothing to do for a
     * store in memory.
     */
    default void flush() {
    }
}
