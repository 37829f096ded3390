package fr.repere.dossier;

import fr.repere.caf.CafConsultation;
import fr.repere.caf.CafConsultations;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.hostevent.HostEvents;
import fr.repere.journal.Journal;
import fr.repere.journal.JournalEntry;
import fr.repere.mandate.Mandate;
import fr.repere.mandate.MandateRepository;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's rights on their dossier: a copy of everything Repère holds (access) and erasure on
 * request. A dossier is known while Repère holds anything on it: diagnostics, drafts, or journal
 * entries (after an erasure, the journal still names it for a while), and, for the copy, mandates.
 * The journal names a dossier by its pseudonym, which the caller gives. Transactions are the
 * caller's.
 */
@ApplicationScoped
public class DossierRights {

    private Dossiers dossiers;
    private Journal journal;
    private ReferralRepository referrals;
    private MandateRepository mandates;
    private CafConsultations caf;
    private HostEvents events;
    private Clock clock;

    /** Everything Repère holds on a dossier, for the person's copy. */
    public record Copy(Dossier dossier, List<CafConsultation> cafConsultations, List<Referral> referrals,
                       List<Mandate> mandates, List<JournalEntry> journal) {

        public Copy {
            cafConsultations = List.copyOf(cafConsultations);
            referrals = List.copyOf(referrals);
            mandates = List.copyOf(mandates);
            journal = List.copyOf(journal);
        }
    }

    /** For CDI's proxy. */
    protected DossierRights() {
    }

    @Inject
    public DossierRights(Dossiers dossiers, Journal journal, ReferralRepository referrals, MandateRepository mandates,
                         CafConsultations caf, HostEvents events, Clock clock) {
        this.dossiers = Objects.requireNonNull(dossiers, "dossiers");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.mandates = Objects.requireNonNull(mandates, "mandates");
        this.caf = Objects.requireNonNull(caf, "caf");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The dossier to export, if Repère holds anything on it (diagnostics, drafts, journal entries
     * naming {@code pseudonym}, mandates); empty if it is unknown.
     */
    public Optional<Dossier> toExport(DossierRef ref, String pseudonym) {
        Dossier dossier = dossiers.find(ref);
        if (dossier.isEmpty() && journal.about(pseudonym).isEmpty()
                && mandates.ofDossier(ref.team(), ref.caseRef()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(dossier);
    }

    /**
     * The copy of the dossier: what the CAF said during its interviews, the referrals of its
     * diagnostics, its mandates and the journal entries naming {@code pseudonym}. What the caller's
     * transaction wrote so far is written first, so that the journal includes the export itself.
     */
    public Copy copy(Dossier dossier, String pseudonym) {
        dossiers.flush();
        List<JournalEntry> entries = journal.about(pseudonym);
        List<Referral> referred = referrals.ofDiagnostics(dossier.diagnostics().stream().map(d -> d.id()).toList());
        List<Mandate> ofDossier = mandates.ofDossier(dossier.ref().team(), dossier.ref().caseRef());
        List<CafConsultation> consultations = caf.ofInterviews(
                dossier.interviews().stream().map(DiagnosticId::value).toList());
        return new Copy(dossier, consultations, referred, ofDossier, entries);
    }

    /**
     * Erases the dossier's diagnostics and drafts (with what the CAF said) if Repère holds anything
     * on it, diagnostics, drafts or journal entries naming {@code pseudonym}; empty if it is unknown.
     * The events the hosts were told of the dossier lose their case reference, and one last event
     * ({@code dossier.erased}) tells them, under the case reference, that the dossier is erased.
     */
    public Optional<DossierErasure.Erased> erase(DossierRef ref, String pseudonym) {
        if (dossiers.find(ref).isEmpty() && journal.about(pseudonym).isEmpty()) {
            return Optional.empty();
        }
        DossierErasure.Erased erased = new DossierErasure(dossiers).erase(ref);
        events.forgetDossier(ref.team(), ref.caseRef());
        events.record(DossierEvents.erased(ref, erased, clock.instant()));
        return Optional.of(erased);
    }

    /** Constraint violations surface here, inside the caller's error handling. */
    public void flush() {
        dossiers.flush();
    }
}
