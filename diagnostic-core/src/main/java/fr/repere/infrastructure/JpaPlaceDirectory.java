package fr.repere.infrastructure;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.directory.Directory;
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

/** The {@link Directory} port in MariaDB: {@link JpaDirectory}, with the teams' organisations of {@link JpaAdministration}. */
@ApplicationScoped
public class JpaPlaceDirectory implements Directory {

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaPlaceDirectory() {
    }

    public JpaPlaceDirectory(EntityManager em) {
        this.em = em;
    }

    private JpaDirectory directory() {
        return new JpaDirectory(em);
    }

    @Override
    public Optional<String> organisationOf(String team) {
        return new JpaAdministration(em).organisationOf(team);
    }

    @Override
    public Optional<Place> place(String organisation, String id) {
        return directory().place(organisation, id);
    }

    @Override
    public Map<String, Place> places(String organisation, Collection<String> ids) {
        return directory().places(organisation, ids);
    }

    @Override
    public List<Place> near(String organisation, Territory territory) {
        return directory().near(organisation, territory);
    }

    @Override
    public void add(Place place) {
        directory().add(place);
    }

    @Override
    public void add(DirectoryImport directoryImport) {
        directory().add(directoryImport);
    }

    @Override
    public Optional<DirectoryImport> directoryImport(String organisation, String id) {
        return directory().directoryImport(organisation, id);
    }

    @Override
    public Optional<DirectoryImport> directoryImport(String id) {
        return directory().directoryImport(id);
    }

    @Override
    public boolean recordOnce(UnmetNeed need, String key) {
        return directory().recordOnce(need, key);
    }

    @Override
    public List<UnmetNeed> unmetNeedsOf(String team) {
        return directory().unmetNeedsOf(team);
    }

    /** Their header only (id, team, case): the caller journals them; their collections stay unread. */
    @Override
    public List<Diagnostic> diagnostics(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT d FROM Diagnostic d WHERE d.id IN :ids", Diagnostic.class).setParameter("ids", ids)
                .getResultList();
    }

    @Override
    public Optional<DiagnosticTerritory> territoryOf(String diagnosticId) {
        return directory().territoryOf(diagnosticId);
    }

    @Override
    public void add(DiagnosticTerritory territory) {
        directory().add(territory);
    }

    @Override
    public void flush() {
        em.flush();
    }
}
