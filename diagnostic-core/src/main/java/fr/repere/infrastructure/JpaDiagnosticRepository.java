package fr.repere.infrastructure;

import fr.repere.diagnostic.CaseDiagnostics;
import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.DiagnosticRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Diagnostics in MariaDB through JPA. */
@ApplicationScoped
public class JpaDiagnosticRepository implements DiagnosticRepository, CaseDiagnostics {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaDiagnosticRepository() {
    }

    public JpaDiagnosticRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(Diagnostic diagnostic) {
        em.persist(diagnostic);
    }

    @Override
    public Optional<Diagnostic> find(DiagnosticId id) {
        return Optional.ofNullable(DiagnosticLoading.whole(em.find(Diagnostic.class, id.value())));
    }

    /**
     * The diagnostics of a case (host's case reference) in any of the given teams, newest first,
     * whole: one statement for the rows and one per collection, however many rows.
     */
    @Override
    public java.util.List<Diagnostic> ofCase(java.util.Collection<String> teams, String caseRef) {
        if (teams.isEmpty()) {
            return java.util.List.of();
        }
        return DiagnosticLoading.whole(DiagnosticLoading.batched(em.createQuery(
                "SELECT d FROM Diagnostic d WHERE d.team IN :teams AND d.caseRef = :ref ORDER BY d.takenAt DESC",
                Diagnostic.class), "d").setParameter("teams", teams).setParameter("ref", caseRef).getResultList());
    }

    @Override
    public void flush() {
        em.flush();
    }
}
