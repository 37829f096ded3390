package fr.repere.infrastructure;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.DiagnosticRepository;

import jakarta.persistence.EntityManager;

import java.util.Optional;

/** Diagnostics in MariaDB through JPA. */
public class JpaDiagnosticRepository implements DiagnosticRepository {

    private final EntityManager em;

    public JpaDiagnosticRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(Diagnostic diagnostic) {
        em.persist(diagnostic);
    }

    @Override
    public Optional<Diagnostic> find(DiagnosticId id) {
        return Optional.ofNullable(em.find(Diagnostic.class, id.value()));
    }
}
