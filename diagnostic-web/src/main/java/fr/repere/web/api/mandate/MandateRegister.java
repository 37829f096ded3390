package fr.repere.web.api.mandate;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.infrastructure.JpaAdministration;
import fr.repere.infrastructure.JpaDiagnosticRepository;
import fr.repere.infrastructure.JpaMandates;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.Mandate;
import fr.repere.mandate.MandateId;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;
import fr.repere.web.security.TeamScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Transaction boundary of the mandate use cases, for one caller. The mandate holder is the
 * caller's organisation; the mandate is seen by the team whose dossier it is (another team's is
 * absent: 404, journaled). Every read or change is journaled on the dossier, besides the mandate's
 * own journal.
 */
@ApplicationScoped
public class MandateRegister {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

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
        return diagnosticOfTeam(caller, request.diagnostic(), JournalAction.MANDATE_CREATE).filter(d -> d.caseRef() != null).map(d -> {
            Mandate m = Mandate.prepare(MandateId.next(), organisationOf(caller.team()), caller.team(), d.caseRef(),
                    d.id().value(), EnumSet.copyOf(request.categories()), request.duration(), caller.agentId(),
                    clock.instant());
            new JpaMandates(em).store(m);
            log(caller, JournalAction.MANDATE_CREATE, m);
            em.flush();
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
            List<Mandate> mandates = d.caseRef() == null ? List.of() : new JpaMandates(em).ofDossier(d.team(), d.caseRef());
            mandates.forEach(m -> log(caller, JournalAction.MANDATE_READ, m));
            return mandates;
        });
    }

    @Transactional
    public Optional<Mandate> sign(Caller caller, MandateId id, String attestationSha256) {
        return change(caller, id, JournalAction.MANDATE_SIGN, m -> m.sign(caller.agentId(), attestationSha256, clock.instant()));
    }

    @Transactional
    public Optional<Mandate> use(Caller caller, MandateId id, DemarcheCategory category) {
        return change(caller, id, JournalAction.MANDATE_USE, m -> m.use(category, caller.agentId(), clock.instant()));
    }

    /** Revokes one autorisation, or the whole mandate when {@code category} is null. */
    @Transactional
    public Optional<Mandate> revoke(Caller caller, MandateId id, DemarcheCategory category) {
        return change(caller, id, JournalAction.MANDATE_REVOKE, m -> {
            if (category == null) {
                m.revokeAll(caller.agentId(), clock.instant());
            } else {
                m.revoke(category, caller.agentId(), clock.instant());
            }
        });
    }

    /** The name of the organisation of a team: the mandate holder printed on the attestation. */
    @Transactional
    public String organisationName(String organisation) {
        List<?> names = em.createNativeQuery("SELECT name FROM organisation WHERE id = ?")
                .setParameter(1, organisation).getResultList();
        return names.isEmpty() ? "" : (String) names.get(0);
    }

    public Instant now() {
        return clock.instant();
    }

    private Optional<Mandate> change(Caller caller, MandateId id, JournalAction action, Consumer<Mandate> change) {
        Optional<Mandate> found = ofTeam(caller, id, action);
        found.ifPresent(m -> {
            change.accept(m);
            log(caller, action, m);
            em.flush();
            m.journal().size();
        });
        return found;
    }

    private String organisationOf(String team) {
        return new JpaAdministration(em).organisationOf(team).orElseThrow();
    }

    private Optional<Mandate> ofTeam(Caller caller, MandateId id, JournalAction attempted) {
        return scope.of(caller, new JpaMandates(em).find(id), Mandate::belongsTo, attempted, id.value());
    }

    private Optional<Diagnostic> diagnosticOfTeam(Caller caller, DiagnosticId id, JournalAction attempted) {
        return scope.of(caller, new JpaDiagnosticRepository(em).find(id), Diagnostic::belongsTo, attempted, id.value());
    }

    private void log(Caller caller, JournalAction action, Mandate m) {
        journal.append(JournalEntry.dossierAction(clock.instant(), caller.actor(), action,
                journal.dossier(m.team(), m.caseRef()), m.id().value()));
    }
}
