package fr.repere.infrastructure;

import fr.repere.mandate.MandateHolders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Organisations as mandate holders, in MariaDB. */
@ApplicationScoped
public class JpaMandateHolders implements MandateHolders {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaMandateHolders() {
    }

    public JpaMandateHolders(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> organisationOf(String team) {
        return new JpaAdministration(em).organisationOf(team);
    }

    @Override
    public String name(String organisation) {
        List<?> names = em.createNativeQuery("SELECT name FROM organisation WHERE id = ?")
                .setParameter(1, organisation).getResultList();
        return names.isEmpty() ? "" : (String) names.get(0);
    }
}
