package fr.repere.web.api.mandate;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.DiagnosticRepository;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.Mandate;
import fr.repere.mandate.MandateId;
import fr.repere.mandate.Mandates;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;
import fr.repere.web.security.TeamScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Transaction boundary of the mandate use cases ({@link Mandates}), for one caller. The mandate
 * holder is the caller's organisation; the mandate is seen by the team whose dossier it is (another
 * team's is absent: 404, journaled). Every read or change is journaled on the dossier, besides the
 * mandate's own journal.
 */
@ApplicationScoped
public class MandateRegister {

    @Inject
    private Mandates mandates;

    @Inject
    private DiagnosticRepository diagnostics;

    @Inject
    private Clock clock;

    @Inject
    private JournalWriter journal;

    @Inject
    private TeamScope scope;

    /** A mandate for the person of one of the team's diagnostics; empty if the caller has no such diagnostic. */
    @Transactional
    public Optional<Mandate> prepare(Caller caller, MandateRequest request) {
        // an anonymized diagnostic points to nobody: no mandate from it
        return diagnosticOfTeam(caller, request.diagnostic(), JournalAction.MANDATE_CREATE)
                .flatMap(d -> mandates.prepare(caller.team(), d.caseRef(), d.id().value(), request.categories(),
                        request.duration(), caller.agentId()))
                .map(m -> {
                    log(caller, JournalAction.MANDATE_CREATE, m);
                    return m;
                });
    }

    @Transactional
    public Optional<Mandate> find(Caller caller, MandateId id, JournalAction why) {
        Optional<Mandate> found = ofTeam(caller, id, why);
        found.ifPresent(m -> {
            m.journal().size(); // loaded inside the transaction
            log(caller, why, m);
        });
        return found;
    }

    /** The mandates of the person of one of the team's diagnostics, newest first. */
    @Transactional
    public Optional<List<Mandate>> ofDiagnostic(Caller caller, DiagnosticId id) {
        return diagnosticOfTeam(caller, id, JournalAction.MANDATE_READ).map(d -> {
            List<Mandate> found = mandates.ofDossier(d.team(), d.caseRef());
            found.forEach(m -> log(caller, JournalAction.MANDATE_READ, m));
            return found;
        });
    }

    @Transactional
    public Optional<Mandate> sign(Caller caller, MandateId id, String attestationSha256) {
        return change(caller, id, JournalAction.MANDATE_SIGN, m -> mandates.sign(m, caller.agentId(), attestationSha256));
    }

    @Transactional
    public Optional<Mandate> use(Caller caller, MandateId id, DemarcheCategory category) {
        return change(caller, id, JournalAction.MANDATE_USE, m -> mandates.use(m, category, caller.agentId()));
    }

    /** Revokes one autorisation, or the whole mandate when {@code category} is null. */
    @Transactional
    public Optional<Mandate> revoke(Caller caller, MandateId id, DemarcheCategory category) {
        return change(caller, id, JournalAction.MANDATE_REVOKE, m -> mandates.revoke(m, category, caller.agentId()));
    }

    /** The name of an organisation: the mandate holder printed on the attestation. */
    @Transactional
    public String organisationName(String organisation) {
        return mandates.holderName(organisation);
    }

    public Instant now() {
        return mandates.now();
    }

    private Optional<Mandate> change(Caller caller, MandateId id, JournalAction action, Consumer<Mandate> change) {
        Optional<Mandate> found = ofTeam(caller, id, action);
        found.ifPresent(m -> {
            change.accept(m);
            log(caller, action, m);
        });
        return found;
    }

    private Optional<Mandate> ofTeam(Caller caller, MandateId id, JournalAction attempted) {
        return scope.of(caller, mandates.find(id), Mandate::belongsTo, attempted, id.value());
    }

    private Optional<Diagnostic> diagnosticOfTeam(Caller caller, DiagnosticId id, JournalAction attempted) {
        return scope.of(caller, diagnostics.find(id), Diagnostic::belongsTo, attempted, id.value());
    }

    private void log(Caller caller, JournalAction action, Mandate m) {
        journal.append(JournalEntry.dossierAction(clock.instant(), caller.actor(), action,
                journal.dossier(m.team(), m.caseRef()), m.id().value()));
    }
}
