package fr.repere.web.api.dossier;

import fr.repere.caf.CafConsultation;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.dossier.Dossier;
import fr.repere.dossier.DossierErasure;
import fr.repere.dossier.DossierRef;
import fr.repere.dossier.ErasureGround;
import fr.repere.infrastructure.JpaCafConsultations;
import fr.repere.infrastructure.JpaDossiers;
import fr.repere.infrastructure.JpaJournal;
import fr.repere.infrastructure.JpaMandates;
import fr.repere.infrastructure.JpaReferrals;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.mandate.Mandate;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.referral.Referral;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

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
        Dossier dossier = new JpaDossiers(em).find(ref);
        if (dossier.isEmpty() && new JpaJournal(em).about(pseudonym).isEmpty()
                && new JpaMandates(em).ofDossier(caller.team(), caseRef).isEmpty()) {
            return refused(caller, JournalAction.CASE_EXPORT);
        }
        Instant now = clock.instant();
        journal.append(JournalEntry.dossierAction(now, caller.actor(), JournalAction.CASE_EXPORT, pseudonym, null));
        em.flush();
        List<JournalEntry> entries = new JpaJournal(em).about(pseudonym); // this export included
        JpaReferrals referrals = new JpaReferrals(em);
        List<Referral> referred = dossier.diagnostics().stream().flatMap(d -> referrals.ofDiagnostic(d.id()).stream()).toList();
        List<Mandate> mandates = new JpaMandates(em).ofDossier(caller.team(), caseRef);
        List<CafConsultation> caf = new JpaCafConsultations(em).ofInterviews(
                dossier.interviews().stream().map(DiagnosticId::value).toList());
        return Optional.of(DossierExport.of(dossier, caf, referred, mandates, entries, catalog, now));
    }

    @Transactional
    public Optional<DossierErasure.Erased> erase(Caller caller, String caseRef, ErasureGround ground) {
        DossierRef ref = new DossierRef(caller.team(), caseRef);
        String pseudonym = journal.dossier(caller.team(), caseRef);
        JpaDossiers dossiers = new JpaDossiers(em);
        if (dossiers.find(ref).isEmpty() && new JpaJournal(em).about(pseudonym).isEmpty()) {
            return refused(caller, JournalAction.CASE_ERASE);
        }
        DossierErasure.Erased erased = new DossierErasure(dossiers).erase(ref);
        journal.append(JournalEntry.erased(clock.instant(), caller.actor(), pseudonym, ground.name()));
        em.flush();
        return Optional.of(erased);
    }

    private <T> Optional<T> refused(Caller caller, JournalAction attempted) {
        journal.appendRegardless(JournalEntry.refused(clock.instant(), caller.actor(), attempted, null));
        return Optional.empty();
    }
}
