package fr.repere.infrastructure;

import fr.repere.host.HostRegistration;
import fr.repere.host.HostRegistrations;
import fr.repere.host.LaunchRecords;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static fr.repere.infrastructure.UtcInstantConverter.instant;
import static fr.repere.infrastructure.UtcInstantConverter.utc;

/**
 * Host registrations, the launch token ids already used and the host accounts' agents in MariaDB
 * (V25), in plain SQL. A used token id is a row under a unique key: a replay on another node finds it.
 */
@ApplicationScoped
public class JpaHostRegistrations implements HostRegistrations, LaunchRecords {

    private static final String COLUMNS = "id, organisation_id, label, issuer, client_id, origin, jwks, jwks_uri, created_at";

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaHostRegistrations() {
    }

    public JpaHostRegistrations(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<HostRegistration> of(String organisation) {
        return registrations(em.createNativeQuery("SELECT " + COLUMNS + " FROM host_registration "
                        + "WHERE organisation_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id")
                .setParameter(1, organisation).getResultList());
    }

    @Override
    public Optional<HostRegistration> find(String organisation, String id) {
        return registrations(em.createNativeQuery("SELECT " + COLUMNS + " FROM host_registration "
                        + "WHERE organisation_id = ?1 AND id = ?2 AND deleted_at IS NULL")
                .setParameter(1, organisation).setParameter(2, id).getResultList()).stream().findFirst();
    }

    @Override
    public Optional<HostRegistration> byIssuerAndClient(String issuer, String clientId) {
        return registrations(em.createNativeQuery("SELECT " + COLUMNS + " FROM host_registration "
                        + "WHERE issuer = ?1 AND client_id = ?2 AND deleted_at IS NULL")
                .setParameter(1, issuer).setParameter(2, clientId).getResultList()).stream()
                .filter(r -> r.issuer().equals(issuer) && r.clientId().equals(clientId)) // the column compares without case
                .findFirst();
    }

    private List<HostRegistration> registrations(List<?> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> deployments = new LinkedHashMap<>();
        Map<String, List<String>> teams = new LinkedHashMap<>();
        for (Object row : rows) {
            deployments.put((String) ((Object[]) row)[0], new ArrayList<>());
            teams.put((String) ((Object[]) row)[0], new ArrayList<>());
        }
        children("SELECT registration_id, deployment_id FROM host_registration_deployment", deployments);
        children("SELECT registration_id, team_id FROM host_registration_team", teams);
        List<HostRegistration> registrations = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            String id = (String) c[0];
            registrations.add(new HostRegistration(id, (String) c[1], (String) c[2], (String) c[3], (String) c[4], (String) c[5],
                    (String) c[6], (String) c[7], deployments.get(id), teams.get(id), instant(c[8])));
        }
        return registrations;
    }

    private void children(String select, Map<String, List<String>> byRegistration) {
        StringBuilder in = new StringBuilder();
        List<String> ids = new ArrayList<>(byRegistration.keySet());
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "" : ", ").append('?').append(i + 1);
        }
        jakarta.persistence.Query query = em.createNativeQuery(select + " WHERE registration_id IN (" + in + ") ORDER BY 1, 2");
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            byRegistration.get((String) c[0]).add((String) c[1]);
        }
    }

    @Override
    public void add(HostRegistration r, String by) {
        em.createNativeQuery("INSERT INTO host_registration (id, organisation_id, label, issuer, client_id, origin, jwks, "
                        + "jwks_uri, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?10, ?8, ?9)")
                .setParameter(1, r.id()).setParameter(2, r.organisation()).setParameter(3, r.label())
                .setParameter(4, r.issuer()).setParameter(5, r.clientId()).setParameter(6, r.origin())
                .setParameter(7, r.jwks()).setParameter(8, utc(r.createdAt())).setParameter(9, by).setParameter(10, r.jwksUri())
                .executeUpdate();
        for (String deployment : r.deploymentIds()) {
            em.createNativeQuery("INSERT INTO host_registration_deployment (registration_id, deployment_id) VALUES (?1, ?2)")
                    .setParameter(1, r.id()).setParameter(2, deployment).executeUpdate();
        }
        for (String team : r.teams()) {
            em.createNativeQuery("INSERT INTO host_registration_team (registration_id, team_id) VALUES (?1, ?2)")
                    .setParameter(1, r.id()).setParameter(2, team).executeUpdate();
        }
    }

    @Override
    public void remove(String id, Instant at) {
        em.createNativeQuery("UPDATE host_registration SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL")
                .setParameter(1, id).setParameter(2, utc(at)).executeUpdate();
    }

    @Override
    public boolean firstUse(String registration, String jti, Instant expiresAt) {
        // INSERT IGNORE: a row already there (a replay, or a concurrent first use that committed) inserts nothing
        return em.createNativeQuery("INSERT IGNORE INTO host_launch_jti (registration_id, jti, expires_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, registration).setParameter(2, jti).setParameter(3, utc(expiresAt))
                .executeUpdate() == 1;
    }

    @Override
    public Optional<String> boundAgent(String issuer, String subject) {
        List<?> rows = em.createNativeQuery("SELECT agent_id FROM host_agent_binding WHERE issuer = ?1 AND subject = ?2")
                .setParameter(1, issuer).setParameter(2, subject).getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }

    @Override
    public void bind(String issuer, String subject, String agent, Instant at) {
        em.createNativeQuery("INSERT IGNORE INTO host_agent_binding (issuer, subject, agent_id, bound_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, issuer).setParameter(2, subject).setParameter(3, agent).setParameter(4, utc(at))
                .executeUpdate();
    }

    @Override
    public int purgeExpired(Instant now) {
        return em.createNativeQuery("DELETE FROM host_launch_jti WHERE expires_at < ?1").setParameter(1, utc(now)).executeUpdate();
    }
}
