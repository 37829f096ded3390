package fr.repere.dossier;

/**
 * Erasure at the person's request (GDPR art. 17): the dossier's diagnostics and drafts are
 * deleted, not anonymized, with what the CAF said during its interviews. A recent dossier is still named in the journal beside its diagnostics'
 * ids for up to a year, so an "anonymous" copy could be linked back to the person; and the
 * statistics lose one diagnostic. Erasing an empty dossier erases nothing, which is not an error.
 */
public final class DossierErasure {

    private final Dossiers dossiers;

    public DossierErasure(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    public Erased erase(DossierRef ref) {
        Dossier dossier = dossiers.find(ref);
        dossiers.removeCafConsultations(dossier.interviews());
        dossier.drafts().forEach(dossiers::remove);
        dossier.diagnostics().forEach(dossiers::remove);
        return new Erased(dossier.diagnostics().size(), dossier.drafts().size());
    }

    /** How many diagnostics and drafts were deleted. */
    public record Erased(int diagnostics, int drafts) {

        public boolean nothing() {
            return diagnostics == 0 && drafts == 0;
        }
    }
}
