package fr.repere.infrastructure;

import fr.repere.directory.DirectoryImport;
import fr.repere.directory.Place;
import fr.repere.directory.UnmetNeed;
import fr.repere.territory.DiagnosticTerritory;
import fr.repere.territory.Territory;

import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The directory of places, its imports, unmet needs and diagnostics' territories, in MariaDB through JPA. */
public class JpaDirectory {

    private final EntityManager em;

    public JpaDirectory(EntityManager em) {
        this.em = em;
    }

    public Optional<Place> place(String id) {
        return Optional.ofNullable(em.find(Place.class, id));
    }

    /** The places of these ids that exist, by id. */
    public Map<String, Place> places(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT p FROM Place p WHERE p.id IN :ids", Place.class).setParameter("ids", ids)
                .getResultList().stream().collect(Collectors.toMap(Place::id, Function.identity()));
    }

    /** The places of a territory's département, and of its EPCI where the EPCI crosses a border. */
    public List<Place> near(Territory territory) {
        if (territory.epci() == null) {
            return em.createQuery("SELECT p FROM Place p WHERE p.departementCode = :d", Place.class)
                    .setParameter("d", territory.departement()).getResultList();
        }
        return em.createQuery("SELECT p FROM Place p WHERE p.departementCode = :d OR p.epciCode = :e", Place.class)
                .setParameter("d", territory.departement()).setParameter("e", territory.epci()).getResultList();
    }

    public void add(Place place) {
        em.persist(place);
    }

    public long placeCount() {
        return em.createQuery("SELECT COUNT(p) FROM Place p", Long.class).getSingleResult();
    }

    public void add(DirectoryImport directoryImport) {
        em.persist(directoryImport);
    }

    public Optional<DirectoryImport> directoryImport(String id) {
        return Optional.ofNullable(em.find(DirectoryImport.class, id));
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
