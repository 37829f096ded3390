package fr.repere.web.api.referral;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.infrastructure.JpaDiagnosticRepository;
import fr.repere.infrastructure.JpaAdministration;
import fr.repere.infrastructure.JpaDirectory;
import fr.repere.infrastructure.JpaReferrals;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.referral.PlaceSnapshot;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralId;
import fr.repere.referral.ReferralStatus;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;
import fr.repere.web.security.TeamScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Transaction boundary of the referral use cases, for one caller: a referral (or a diagnostic) of
 * another team is absent (404) and the attempt journaled; every read or change is journaled on the
 * person's dossier.
 */
@ApplicationScoped
public class ReferralRegister {

    private static final int REMINDERS_SHOWN = 200;

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private JournalWriter journal;

    @Inject
    private TeamScope scope;

    /** Makes a referral from one of the team's diagnostics; empty if the caller has no such diagnostic. */
    @Transactional
    public Optional<Referral> make(Caller caller, ReferralRequest request) {
        Optional<Diagnostic> diagnostic = diagnosticOfTeam(caller, request.diagnostic(), JournalAction.REFERRAL_CREATE);
        return diagnostic.map(d -> {
            Referral r = Referral.make(ReferralId.next(), d.id(), caller.team(), caller.agentId(), request.service(),
                    place(caller, request), clock.instant());
            new JpaReferrals(em).store(r);
            log(caller, JournalAction.REFERRAL_CREATE, r, d);
            em.flush();
            return r;
        });
    }

    /**
     * The place of the caller's organisation's directory when it knows the id (what the browser sent
     * of it is ignored), else the typed one: another organisation's place is never copied.
     */
    private PlaceSnapshot place(Caller caller, ReferralRequest request) {
        return new JpaAdministration(em).organisationOf(caller.team())
                .flatMap(organisation -> new JpaDirectory(em).place(organisation, request.placeId()))
                .map(p -> PlaceSnapshot.of(p, request.whatToBring()))
                .or(() -> Optional.ofNullable(request.typedPlace()))
                .orElseThrow(() -> new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400,
                        "L'orientation ne respecte pas le format attendu : rien n'a été enregistré.")
                        .withErrors(List.of(new Problem.FieldError("/place/id", "Ce lieu n'est pas dans l'annuaire : "
                                + "indiquez son nom, son adresse, son code postal et sa commune.")))));
    }

    @Transactional
    public Optional<Referral> find(Caller caller, ReferralId id, JournalAction why) {
        Optional<Referral> found = ofTeam(caller, id, why);
        found.ifPresent(r -> log(caller, why, r, null));
        return found;
    }

    /** The referrals of one of the team's diagnostics; empty if the caller has no such diagnostic. */
    @Transactional
    public Optional<List<Referral>> ofDiagnostic(Caller caller, DiagnosticId id) {
        return diagnosticOfTeam(caller, id, JournalAction.REFERRAL_READ).map(d -> {
            List<Referral> referrals = new JpaReferrals(em).ofDiagnostic(d.id());
            referrals.forEach(r -> log(caller, JournalAction.REFERRAL_READ, r, d));
            return referrals;
        });
    }

    /** The caller's referrals the reminder job flagged and that still wait for an answer. */
    @Transactional
    public List<Referral> reminders(Caller caller) {
        List<Referral> reminded = new JpaReferrals(em).remindedOf(caller.team(), caller.agentId(), REMINDERS_SHOWN);
        reminded.forEach(r -> log(caller, JournalAction.REFERRAL_READ, r, null));
        return reminded;
    }

    /** Records the place's answer or the person's visit; the lifecycle refuses what it does not allow. */
    @Transactional
    public Optional<Referral> changeStatus(Caller caller, ReferralId id, StatusRequest change) {
        Optional<Referral> found = ofTeam(caller, id, JournalAction.REFERRAL_STATUS);
        found.ifPresent(r -> {
            var now = clock.instant();
            if (change.status() == ReferralStatus.REFUSED) {
                r.refuse(caller.agentId(), change.reason(), now);
            } else if (change.status() == ReferralStatus.ACCEPTED) {
                r.accept(caller.agentId(), now);
            } else if (change.status() == ReferralStatus.COMPLETED) {
                r.complete(caller.agentId(), now);
            } else {
                throw new fr.repere.referral.ForbiddenTransitionException(r.status(), change.status());
            }
            log(caller, JournalAction.REFERRAL_STATUS, r, null);
            em.flush();
        });
        return found;
    }

    private Optional<Referral> ofTeam(Caller caller, ReferralId id, JournalAction attempted) {
        return scope.of(caller, new JpaReferrals(em).find(id), Referral::belongsTo, attempted, id.value());
    }

    private Optional<Diagnostic> diagnosticOfTeam(Caller caller, DiagnosticId id, JournalAction attempted) {
        return scope.of(caller, new JpaDiagnosticRepository(em).find(id), Diagnostic::belongsTo, attempted, id.value());
    }

    private void log(Caller caller, JournalAction action, Referral r, Diagnostic known) {
        Diagnostic d = known != null ? known : em.find(Diagnostic.class, r.diagnosticId().value());
        journal.append(JournalEntry.dossierAction(clock.instant(), caller.actor(), action,
                d == null ? null : journal.dossier(d.team(), d.caseRef()), r.id().value()));
    }
}
