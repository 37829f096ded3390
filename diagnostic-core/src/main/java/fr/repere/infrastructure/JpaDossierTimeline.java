package fr.repere.infrastructure;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.Draft;
import fr.repere.dossier.DossierTimeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** A dossier's records in time order, from MariaDB through JPA. */
@ApplicationScoped
public class JpaDossierTimeline implements DossierTimeline {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaDossierTimeline() {
    }

    public JpaDossierTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Diagnostic> diagnostics(String team, String caseRef) {
        return new JpaDiagnosticRepository(em).ofCase(List.of(team), caseRef);
    }

    @Override
    public List<Draft> drafts(String team, String caseRef) {
        return em.createQuery("SELECT d FROM Draft d WHERE d.team = :team AND d.caseRef = :ref ORDER BY d.updatedAt DESC",
                Draft.class).setParameter("team", team).setParameter("ref", caseRef).getResultList();
    }
}
