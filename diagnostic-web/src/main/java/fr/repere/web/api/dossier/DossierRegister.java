package fr.repere.web.api.dossier;

import fr.repere.dossier.Dossier;
import fr.repere.dossier.DossierErasure;
import fr.repere.dossier.DossierRef;
import fr.repere.dossier.DossierRights;
import fr.repere.dossier.ErasureGround;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Transaction boundary of the person's rights, for one caller: only the dossier of the caller's
 * team is seen (another team's, or an unknown reference, is absent: 404, and the attempt is
 * journaled without naming the dossier). A dossier is known while Repère holds anything on it:
 * diagnostics, drafts, or journal entries (after an erasure, the journal still names it for a
 * while, which the export shows and a second erasure answers with "nothing left").
 */
@ApplicationScoped
public class DossierRegister {

    @Inject
    private DossierRights rights;

    @Inject
    private QuestionnaireCatalog catalog;

    @Inject
    private Clock clock;

    @Inject
    private JournalWriter journal;

    @Transactional
    public Optional<DossierExport> export(Caller caller, String caseRef) {
        DossierRef ref = new DossierRef(caller.team(), caseRef);
        String pseudonym = journal.dossier(caller.team(), caseRef);
        Optional<Dossier> dossier = rights.toExport(ref, pseudonym);
        if (dossier.isEmpty()) {
            return refused(caller, JournalAction.CASE_EXPORT);
        }
        Instant now = clock.instant();
        journal.append(JournalEntry.dossierAction(now, caller.actor(), JournalAction.CASE_EXPORT, pseudonym, null));
        DossierRights.Copy copy = rights.copy(dossier.get(), pseudonym); // this export included
        return Optional.of(DossierExport.of(copy.dossier(), copy.cafConsultations(), copy.referrals(), copy.mandates(),
                copy.journal(), catalog, now));
    }

    @Transactional
    public Optional<DossierErasure.Erased> erase(Caller caller, String caseRef, ErasureGround ground) {
        DossierRef ref = new DossierRef(caller.team(), caseRef);
        String pseudonym = journal.dossier(caller.team(), caseRef);
        Optional<DossierErasure.Erased> erased = rights.erase(ref, pseudonym);
        if (erased.isEmpty()) {
            return refused(caller, JournalAction.CASE_ERASE);
        }
        journal.append(JournalEntry.erased(clock.instant(), caller.actor(), pseudonym, ground.name()));
        rights.flush();
        return erased;
    }

    private <T> Optional<T> refused(Caller caller, JournalAction attempted) {
        journal.appendRegardless(JournalEntry.refused(clock.instant(), caller.actor(), attempted, null));
        return Optional.empty();
    }
}
