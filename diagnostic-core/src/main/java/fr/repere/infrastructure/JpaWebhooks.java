package fr.repere.infrastructure;

import fr.repere.webhook.WebhookEndpoint;
import fr.repere.webhook.WebhookStore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook endpoints, secrets and deliveries in MariaDB (V24), in plain SQL. Deliveries are
 * planned from the numbered host events after each endpoint's {@code planned_seq}, under a lock on
 * the endpoint's row, and claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class JpaWebhooks implements WebhookStore {

    private static final String ENDPOINT_COLUMNS = "id, organisation_id, url, created_at, disabled_at, disabled_reason, "
            + "failing_since, last_error";
    /** The events an endpoint receives: its organisation's, of its teams if it is restricted. */
    private static final String OF_ENDPOINT = "h.organisation_id = e.organisation_id AND (NOT EXISTS "
            + "(SELECT 1 FROM webhook_endpoint_team t WHERE t.endpoint_id = e.id) OR h.team_id IN "
            + "(SELECT t.team_id FROM webhook_endpoint_team t WHERE t.endpoint_id = e.id))";

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaWebhooks() {
    }

    public JpaWebhooks(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<WebhookEndpoint> endpoints(String organisation) {
        List<?> rows = em.createNativeQuery("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint "
                        + "WHERE organisation_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id")
                .setParameter(1, organisation)
                .getResultList();
        return endpoints(rows);
    }

    @Override
    public Optional<WebhookEndpoint> endpoint(String organisation, String id) {
        List<?> rows = em.createNativeQuery("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint "
                        + "WHERE organisation_id = ?1 AND id = ?2 AND deleted_at IS NULL")
                .setParameter(1, organisation)
                .setParameter(2, id)
                .getResultList();
        return endpoints(rows).stream().findFirst();
    }

    private List<WebhookEndpoint> endpoints(List<?> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> teams = new LinkedHashMap<>();
        for (Object row : rows) {
            teams.put((String) ((Object[]) row)[0], new ArrayList<>());
        }
        StringBuilder in = new StringBuilder();
        List<String> ids = new ArrayList<>(teams.keySet());
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "" : ", ").append('?').append(i + 1);
        }
        jakarta.persistence.Query query = em.createNativeQuery("SELECT endpoint_id, team_id FROM webhook_endpoint_team "
                + "WHERE endpoint_id IN (" + in + ") ORDER BY team_id");
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            teams.get((String) c[0]).add((String) c[1]);
        }
        List<WebhookEndpoint> endpoints = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            endpoints.add(new WebhookEndpoint((String) c[0], (String) c[1], (String) c[2], teams.get((String) c[0]),
                    instant(c[3]), instant(c[4]), (String) c[5], instant(c[6]), (String) c[7]));
        }
        return endpoints;
    }

    @Override
    public void add(WebhookEndpoint endpoint, String createdBy, String secret) {
        em.createNativeQuery("INSERT INTO webhook_endpoint (id, organisation_id, url, created_at, created_by, planned_seq) "
                        + "SELECT ?1, ?2, ?3, ?4, ?5, last_seq FROM host_event_sequencer WHERE id = 1")
                .setParameter(1, endpoint.id())
                .setParameter(2, endpoint.organisation())
                .setParameter(3, endpoint.url())
                .setParameter(4, time(endpoint.createdAt()))
                .setParameter(5, createdBy)
                .executeUpdate();
        for (String team : endpoint.teams()) {
            em.createNativeQuery("INSERT INTO webhook_endpoint_team (endpoint_id, team_id) VALUES (?1, ?2)")
                    .setParameter(1, endpoint.id())
                    .setParameter(2, team)
                    .executeUpdate();
        }
        insertSecret(endpoint.id(), secret, endpoint.createdAt());
    }

    @Override
    public void addSecret(String endpoint, String secret, Instant now, Instant previousExpireAt) {
        em.createNativeQuery("UPDATE webhook_secret SET expires_at = ?2 WHERE endpoint_id = ?1 "
                        + "AND (expires_at IS NULL OR expires_at > ?2)")
                .setParameter(1, endpoint)
                .setParameter(2, time(previousExpireAt))
                .executeUpdate();
        insertSecret(endpoint, secret, now);
    }

    private void insertSecret(String endpoint, String secret, Instant now) {
        em.createNativeQuery("INSERT INTO webhook_secret (id, endpoint_id, secret, created_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, UUID.randomUUID().toString())
                .setParameter(2, endpoint)
                .setParameter(3, secret)
                .setParameter(4, time(now))
                .executeUpdate();
    }

    @Override
    public void delete(String endpoint, Instant now) {
        em.createNativeQuery("UPDATE webhook_endpoint SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL")
                .setParameter(1, endpoint)
                .setParameter(2, time(now))
                .executeUpdate();
        em.createNativeQuery("DELETE FROM webhook_secret WHERE endpoint_id = ?1")
                .setParameter(1, endpoint)
                .executeUpdate();
        giveUp(endpoint, "webhook supprimé");
    }

    /**
     * Enabled again, the endpoint is planned from the last number given (what was numbered while
     * it was disabled is not sent twice: the replay plans it), then the events since {@code from}.
     */
    @Override
    public int replay(String endpoint, Instant from, Instant now) {
        em.createNativeQuery("SELECT id FROM webhook_endpoint WHERE id = ?1 FOR UPDATE")
                .setParameter(1, endpoint)
                .getResultList();
        em.createNativeQuery("UPDATE webhook_endpoint e JOIN host_event_sequencer s ON s.id = 1 "
                        + "SET e.planned_seq = GREATEST(e.planned_seq, s.last_seq), e.disabled_at = NULL, e.disabled_reason = NULL, "
                        + "e.failing_since = NULL WHERE e.id = ?1")
                .setParameter(1, endpoint)
                .executeUpdate();
        return em.createNativeQuery("INSERT INTO webhook_delivery (endpoint_id, event_position, state, next_attempt_at) "
                        + "SELECT e.id, h.position, 'PENDING', ?3 FROM webhook_endpoint e JOIN host_event h ON " + OF_ENDPOINT
                        + " WHERE e.id = ?1 AND h.seq IS NOT NULL AND h.seq <= e.planned_seq AND h.occurred_at >= ?2 ORDER BY h.seq")
                .setParameter(1, endpoint)
                .setParameter(2, time(from))
                .setParameter(3, time(now))
                .executeUpdate();
    }

    /**
     * Each enabled endpoint is locked with SKIP LOCKED (another node planning it at the same time
     * passes over it), then its deliveries are inserted up to the last number given, in order.
     */
    @Override
    public int plan(Instant now) {
        long last = ((Number) em.createNativeQuery("SELECT last_seq FROM host_event_sequencer WHERE id = 1")
                .getSingleResult()).longValue();
        List<?> endpoints = em.createNativeQuery("SELECT id FROM webhook_endpoint WHERE deleted_at IS NULL "
                        + "AND disabled_at IS NULL AND planned_seq < ?1 ORDER BY id FOR UPDATE SKIP LOCKED")
                .setParameter(1, last)
                .getResultList();
        int planned = 0;
        for (Object id : endpoints) {
            planned += em.createNativeQuery("INSERT INTO webhook_delivery (endpoint_id, event_position, state, next_attempt_at) "
                            + "SELECT e.id, h.position, 'PENDING', ?3 FROM webhook_endpoint e JOIN host_event h ON " + OF_ENDPOINT
                            + " WHERE e.id = ?1 AND h.seq > e.planned_seq AND h.seq <= ?2 ORDER BY h.seq")
                    .setParameter(1, id)
                    .setParameter(2, last)
                    .setParameter(3, time(now))
                    .executeUpdate();
            em.createNativeQuery("UPDATE webhook_endpoint SET planned_seq = ?2 WHERE id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, last)
                    .executeUpdate();
        }
        return planned;
    }

    /**
     * Only the delivery rows are locked (SKIP LOCKED: those another node holds are passed over);
     * the endpoint and the event are then read without locking. A disabled or deleted endpoint has
     * no pending delivery (they are given up when it is disabled or deleted).
     */
    @Override
    public List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
        List<?> ids = em.createNativeQuery("SELECT id FROM webhook_delivery WHERE state = 'PENDING' AND next_attempt_at <= ?1 "
                        + "ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, time(now))
                .setParameter(2, limit)
                .getResultList();
        List<Claimed> claimed = new ArrayList<>(ids.size());
        Map<String, List<String>> secrets = new LinkedHashMap<>();
        for (Object id : ids) {
            long delivery = ((Number) id).longValue();
            em.createNativeQuery("UPDATE webhook_delivery SET next_attempt_at = ?2 WHERE id = ?1")
                    .setParameter(1, delivery)
                    .setParameter(2, time(leaseUntil))
                    .executeUpdate();
            List<?> rows = em.createNativeQuery("SELECT d.endpoint_id, e.url, h.event_id, h.body, d.attempts, e.failing_since "
                            + "FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id "
                            + "JOIN host_event h ON h.position = d.event_position "
                            + "WHERE d.id = ?1 AND e.deleted_at IS NULL AND e.disabled_at IS NULL")
                    .setParameter(1, delivery)
                    .getResultList();
            if (rows.isEmpty()) {
                continue; // its endpoint was disabled meanwhile: given up with the others
            }
            Object[] c = (Object[]) rows.get(0);
            String endpoint = (String) c[0];
            List<String> active = secrets.computeIfAbsent(endpoint, e -> activeSecrets(e, now));
            claimed.add(new Claimed(delivery, endpoint, (String) c[1], (String) c[2], (String) c[3], ((Number) c[4]).intValue(),
                    instant(c[5]), active));
        }
        return claimed;
    }

    /** The endpoint's pending deliveries are given up (it is disabled or deleted). */
    private void giveUp(String endpoint, String error) {
        em.createNativeQuery("UPDATE webhook_delivery SET state = 'FAILED', last_error = ?2 WHERE endpoint_id = ?1 "
                        + "AND state = 'PENDING'")
                .setParameter(1, endpoint)
                .setParameter(2, error)
                .executeUpdate();
    }

    private List<String> activeSecrets(String endpoint, Instant now) {
        List<?> rows = em.createNativeQuery("SELECT secret FROM webhook_secret WHERE endpoint_id = ?1 "
                        + "AND (expires_at IS NULL OR expires_at > ?2) ORDER BY created_at DESC, id")
                .setParameter(1, endpoint)
                .setParameter(2, time(now))
                .getResultList();
        return rows.stream().map(String.class::cast).toList();
    }

    @Override
    public void delivered(long delivery, String endpoint, int status, Instant now) {
        em.createNativeQuery("UPDATE webhook_delivery SET state = 'DELIVERED', attempts = attempts + 1, last_status = ?2, "
                        + "last_error = NULL, delivered_at = ?3 WHERE id = ?1")
                .setParameter(1, delivery)
                .setParameter(2, status)
                .setParameter(3, time(now))
                .executeUpdate();
        em.createNativeQuery("UPDATE webhook_endpoint SET failing_since = NULL WHERE id = ?1")
                .setParameter(1, endpoint)
                .executeUpdate();
    }

    @Override
    public void failed(long delivery, int attempts, int status, String error, Instant next) {
        em.createNativeQuery("UPDATE webhook_delivery SET attempts = ?2, last_status = ?3, last_error = ?4, "
                        + "state = ?5, next_attempt_at = COALESCE(?6, next_attempt_at) WHERE id = ?1")
                .setParameter(1, delivery)
                .setParameter(2, attempts)
                .setParameter(3, status == 0 ? null : status)
                .setParameter(4, cut(error))
                .setParameter(5, next == null ? "FAILED" : "PENDING")
                .setParameter(6, next == null ? null : time(next))
                .executeUpdate();
    }

    @Override
    public void endpointFailing(String endpoint, Instant since, String error) {
        em.createNativeQuery("UPDATE webhook_endpoint SET failing_since = COALESCE(failing_since, ?2), last_error = ?3 WHERE id = ?1")
                .setParameter(1, endpoint)
                .setParameter(2, time(since))
                .setParameter(3, cut(error))
                .executeUpdate();
    }

    @Override
    public void disable(String endpoint, String reason, String error, Instant now) {
        em.createNativeQuery("UPDATE webhook_endpoint SET disabled_at = COALESCE(disabled_at, ?2), disabled_reason = ?3, "
                        + "failing_since = COALESCE(failing_since, ?2), last_error = ?4 WHERE id = ?1")
                .setParameter(1, endpoint)
                .setParameter(2, time(now))
                .setParameter(3, reason)
                .setParameter(4, cut(error))
                .executeUpdate();
        giveUp(endpoint, "webhook désactivé");
    }

    private static String cut(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }

    private static LocalDateTime time(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (column instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + column.getClass());
    }
}
