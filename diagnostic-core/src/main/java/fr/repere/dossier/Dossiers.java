package fr.repere.dossier;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;

import java.time.Instant;
import java.util.List;

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

    /** Gives an anonymized diagnostic its new id (its lines follow). */
    void renumber(Diagnostic diagnostic, DiagnosticId newId);

    void remove(Diagnostic diagnostic);

    void remove(Draft draft);
}
