package fr.repere.infrastructure;

import fr.repere.directory.DirectoryImport;
import fr.repere.directory.Place;
import fr.repere.directory.UnmetNeed;
import fr.repere.territory.DiagnosticTerritory;
import fr.repere.territory.Territory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The directory of places, its imports, unmet needs and diagnostics' territories, in MariaDB through JPA.
 * Places and imports are an organisation's: every lookup names the organisation, so another
 * organisation's place or import is not found.
 */
@ApplicationScoped
public class JpaDirectory {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaDirectory() {
    }

    public JpaDirectory(EntityManager em) {
        this.em = em;
    }

    /** A place of the organisation's directory. */
    public Optional<Place> place(String organisation, String id) {
        if (organisation == null || id == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Place.class, new Place.Key(organisation, id)));
    }

    /** The places of these ids that the organisation's directory holds, by id. */
    public Map<String, Place> places(String organisation, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT p FROM Place p WHERE p.organisation = :o AND p.id IN :ids", Place.class)
                .setParameter("o", organisation).setParameter("ids", ids)
                .getResultList().stream().collect(Collectors.toMap(Place::id, Function.identity()));
    }

    /**
     * The organisation's places of a territory's département, and of its EPCI where the EPCI
     * crosses a border.
     */
    public List<Place> near(String organisation, Territory territory) {
        if (territory.epci() == null) {
            return em.createQuery("SELECT p FROM Place p WHERE p.organisation = :o AND p.departementCode = :d", Place.class)
                    .setParameter("o", organisation).setParameter("d", territory.departement()).getResultList();
        }
        return em.createQuery("SELECT p FROM Place p WHERE p.organisation = :o AND (p.departementCode = :d OR p.epciCode = :e)",
                        Place.class).setParameter("o", organisation).setParameter("d", territory.departement())
                .setParameter("e", territory.epci()).getResultList();
    }

    public void add(Place place) {
        em.persist(place);
    }

    public void add(DirectoryImport directoryImport) {
        em.persist(directoryImport);
    }

    /** An import of the organisation (its report); another organisation's is not found. */
    public Optional<DirectoryImport> directoryImport(String organisation, String id) {
        return directoryImport(id).filter(i -> i.organisation().equals(organisation));
    }

    /** Any import, for the job that runs it (the id comes from the server, never from a request). */
    public Optional<DirectoryImport> directoryImport(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(DirectoryImport.class, id));
    }

    /** Records an unmet need unless this diagnostic already has one for the same need; true if recorded now. */
    public boolean recordOnce(UnmetNeed need, String key) {
        Long existing = em.createQuery("SELECT COUNT(u) FROM UnmetNeed u WHERE u.diagnosticId = :d AND u.needKey = :k",
                Long.class).setParameter("d", need.diagnosticId()).setParameter("k", key).getSingleResult();
        if (existing > 0) {
            return false;
        }
        em.persist(need);
        return true;
    }

    /** A team's unmet needs, oldest first. */
    public List<UnmetNeed> unmetNeedsOf(String team) {
        return em.createQuery("SELECT u FROM UnmetNeed u WHERE u.team = :t ORDER BY u.recordedAt", UnmetNeed.class)
                .setParameter("t", team).getResultList();
    }

    public Optional<DiagnosticTerritory> territoryOf(String diagnosticId) {
        return Optional.ofNullable(em.find(DiagnosticTerritory.class, diagnosticId));
    }

    public void add(DiagnosticTerritory territory) {
        em.persist(territory);
    }
}
