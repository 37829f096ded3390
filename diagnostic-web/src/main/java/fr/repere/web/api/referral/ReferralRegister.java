package fr.repere.web.api.referral;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralId;
import fr.repere.referral.Referrals;
import fr.repere.referral.UnknownPlaceException;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;
import fr.repere.web.security.TeamScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Transaction boundary of the referral use cases ({@link Referrals}), for one caller: a referral
 * (or a diagnostic) of another team is absent (404) and the attempt journaled; every read or change
 * is journaled on the person's dossier.
 */
@ApplicationScoped
public class ReferralRegister {

    @Inject
    private Referrals referrals;

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
            Referral r;
            try {
                r = referrals.make(d, caller.team(), caller.agentId(), request.service(), request.placeId(),
                        request.typedPlace(), request.whatToBring());
            } catch (UnknownPlaceException e) {
                throw unknownPlace();
            }
            log(caller, JournalAction.REFERRAL_CREATE, r, d);
            return r;
        });
    }

    /** A place the directory of the caller's organisation does not know, and not typed in full either. */
    private static ProblemException unknownPlace() {
        return new ProblemException(Problem.of("malformed-request", "Requête mal formée", 400,
                "L'orientation ne respecte pas le format attendu : rien n'a été enregistré.")
                .withErrors(List.of(new Problem.FieldError("/place/id", "Ce lieu n'est pas dans l'annuaire : "
                        + "indiquez son nom, son adresse, son code postal et sa commune."))));
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
            List<Referral> found = referrals.ofDiagnostic(d);
            found.forEach(r -> log(caller, JournalAction.REFERRAL_READ, r, d));
            return found;
        });
    }

    /** The caller's referrals the reminder job flagged and that still wait for an answer. */
    @Transactional
    public List<Referral> reminders(Caller caller) {
        List<Referral> reminded = referrals.reminded(caller.team(), caller.agentId());
        reminded.forEach(r -> log(caller, JournalAction.REFERRAL_READ, r, null));
        return reminded;
    }

    /** Records the place's answer or the person's visit; the lifecycle refuses what it does not allow. */
    @Transactional
    public Optional<Referral> changeStatus(Caller caller, ReferralId id, StatusRequest change) {
        Optional<Referral> found = ofTeam(caller, id, JournalAction.REFERRAL_STATUS);
        found.ifPresent(r -> {
            referrals.changeStatus(r, caller.agentId(), change.status(), change.reason());
            log(caller, JournalAction.REFERRAL_STATUS, r, null);
        });
        return found;
    }

    private Optional<Referral> ofTeam(Caller caller, ReferralId id, JournalAction attempted) {
        return scope.of(caller, referrals.find(id), Referral::belongsTo, attempted, id.value());
    }

    private Optional<Diagnostic> diagnosticOfTeam(Caller caller, DiagnosticId id, JournalAction attempted) {
        return scope.of(caller, referrals.diagnostic(id), Diagnostic::belongsTo, attempted, id.value());
    }

    private void log(Caller caller, JournalAction action, Referral r, Diagnostic known) {
        Diagnostic d = known != null ? known : referrals.diagnosticOf(r).orElse(null);
        journal.append(JournalEntry.dossierAction(clock.instant(), caller.actor(), action,
                d == null ? null : journal.dossier(d.team(), d.caseRef()), r.id().value()));
    }
}
