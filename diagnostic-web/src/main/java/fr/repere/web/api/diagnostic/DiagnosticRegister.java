package fr.repere.web.api.diagnostic;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.DiagnosticTaking;
import fr.repere.diagnostic.NewDiagnostic;
import fr.repere.diagnostic.OrientationPolicy;
import fr.repere.infrastructure.JpaDiagnosticRepository;
import fr.repere.questionnaire.QuestionnaireCatalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;

/** Transaction boundary around the diagnostic use cases. */
@ApplicationScoped
public class DiagnosticRegister {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private QuestionnaireCatalog catalog;

    @Inject
    private OrientationPolicy policy;

    @Inject
    private Clock clock;

    @Transactional
    public Diagnostic take(NewDiagnostic request) {
        Diagnostic diagnostic = new DiagnosticTaking(catalog, policy, new JpaDiagnosticRepository(em), clock).take(request);
        em.flush(); // constraint violations surface here, inside the caller's error handling
        return diagnostic;
    }

    /** Records the worker's decision on the proposal; empty if there is no such diagnostic. */
    @Transactional
    public Optional<Diagnostic> decide(DiagnosticId id, DecisionRequest decision) {
        Optional<Diagnostic> found = new JpaDiagnosticRepository(em).find(id);
        found.ifPresent(d -> d.decide(decision.orientation(), decision.actions(), decision.reason(), clock.instant()));
        em.flush();
        return found;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Diagnostic> find(DiagnosticId id) {
        return new JpaDiagnosticRepository(em).find(id);
    }
}
