package fr.repere.infrastructure;

import fr.repere.diagnostic.Orientation;
import fr.repere.directory.LieuService;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;
import fr.repere.referral.ReferralStatus;
import fr.repere.team.TeamQueries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The team lead's view read straight from the tables: one aggregate query per figure, over
 * indexes that start with the team; the pages of dossiers behind them.
 */
@ApplicationScoped
public class JpaTeamQueries implements TeamQueries {

    /**
     * A mandate in force at the bound instant, as {@link fr.repere.mandate.Mandate#status} says it:
     * signed (only a signed mandate has an expiry), not yet expired, and at least one autorisation
     * not revoked. The one SQL form of it (TeamDashboardIT: a revoked mandate about to expire is not counted).
     */
    private static final String MANDATE_IN_FORCE = "m.expires_at > ? "
            + "AND EXISTS (SELECT 1 FROM mandate_autorisation a WHERE a.mandate_id = m.id AND a.revoked_at IS NULL)";

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaTeamQueries() {
    }

    public JpaTeamQueries(EntityManager em) {
        this.em = em;
    }

    @Override
    public long openReferralsCreatedUntil(String team, Instant createdUntil) {
        return count("SELECT COUNT(*) FROM referral WHERE team_id = ? AND status = 'OPEN' AND created_at <= ?",
                team, utc(createdUntil));
    }

    @Override
    public long referralsReaching(String team, ReferralStatus status, Instant since) {
        return count("SELECT COUNT(*) FROM referral WHERE team_id = ? AND status = ? AND status_changed_at >= ?",
                team, status.name(), utc(since));
    }

    @Override
    public long overridesSince(String team, Instant since) {
        return count("SELECT COUNT(*) FROM diagnostic WHERE team_id = ? AND overridden AND decided_at >= ?",
                team, utc(since));
    }

    @Override
    public long mandatesExpiring(String team, Instant after, Instant until) {
        return count("SELECT COUNT(*) FROM mandate m WHERE m.team_id = ? AND " + MANDATE_IN_FORCE + " AND m.expires_at <= ?",
                team, utc(after), utc(until));
    }

    @Override
    public List<Member> members(String team) {
        List<Member> members = new ArrayList<>();
        for (Object row : query("SELECT id, display_name FROM agent WHERE team_id = ? AND role IN ('WORKER', 'TEAM_LEAD') "
                + "ORDER BY display_name, id", team).getResultList()) {
            Object[] a = (Object[]) row;
            members.add(new Member((String) a[0], (String) a[1]));
        }
        return members;
    }

    @Override
    public List<ReferralCounts> referralsByAuthor(String team, Instant since, Instant waitingUntil) {
        List<ReferralCounts> counts = new ArrayList<>();
        for (Object row : query("SELECT created_by, COUNT(*), SUM(status = 'OPEN'), SUM(status = 'OPEN' AND created_at <= ?), "
                + "SUM(status = 'ACCEPTED'), SUM(status = 'REFUSED'), SUM(status = 'EXPIRED'), SUM(status = 'COMPLETED') "
                + "FROM referral WHERE team_id = ? AND created_at >= ? GROUP BY created_by",
                utc(waitingUntil), team, utc(since)).getResultList()) {
            Object[] r = (Object[]) row;
            counts.add(new ReferralCounts((String) r[0], number(r[1]), number(r[2]), number(r[3]), number(r[4]), number(r[5]),
                    number(r[6]), number(r[7])));
        }
        return counts;
    }

    @Override
    public List<AuthorCount> mandatesByAuthor(String team, Instant since) {
        List<AuthorCount> counts = new ArrayList<>();
        for (Object row : query("SELECT created_by, COUNT(*) FROM mandate WHERE team_id = ? AND created_at >= ? GROUP BY created_by",
                team, utc(since)).getResultList()) {
            Object[] r = (Object[]) row;
            counts.add(new AuthorCount((String) r[0], number(r[1])));
        }
        return counts;
    }

    @Override
    public boolean isMember(String agent, String team) {
        return count("SELECT COUNT(*) FROM agent WHERE id = ? AND team_id = ?", agent, team) != 0;
    }

    @Override
    public List<ReferralLine> openReferralsCreatedUntil(String team, Instant createdUntil, int offset, int limit) {
        return referrals(team, "r.status = 'OPEN' AND r.created_at <= ?", List.of(utc(createdUntil)), "r.created_at ASC, r.id",
                offset, limit);
    }

    @Override
    public List<ReferralLine> referralsReaching(String team, ReferralStatus status, Instant since, int offset, int limit) {
        return referrals(team, "r.status = ? AND r.status_changed_at >= ?", List.of(status.name(), utc(since)),
                "r.status_changed_at DESC, r.id", offset, limit);
    }

    @Override
    public List<ReferralLine> referralsOf(String team, String author, Instant since, int offset, int limit) {
        return referrals(team, "r.created_by = ? AND r.created_at >= ?", List.of(author, utc(since)), "r.created_at DESC, r.id",
                offset, limit);
    }

    private List<ReferralLine> referrals(String team, String where, List<Object> params, String order, int offset, int limit) {
        List<Object> all = new ArrayList<>();
        all.add(team);
        all.addAll(params);
        List<ReferralLine> lines = new ArrayList<>();
        for (Object row : query("SELECT r.id, r.diagnostic_id, d.case_ref, r.status, r.place_id, r.place_nom, r.place_commune, "
                + "r.service, r.created_at, r.status_changed_at, r.reminded_at, r.refusal_reason, r.created_by, a.display_name "
                + "FROM referral r JOIN diagnostic d ON d.id = r.diagnostic_id LEFT JOIN agent a ON a.id = r.created_by "
                + "WHERE r.team_id = ? AND " + where + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset,
                all.toArray()).getResultList()) {
            Object[] r = (Object[]) row;
            lines.add(new ReferralLine((String) r[0], (String) r[1], (String) r[2], ReferralStatus.valueOf((String) r[3]),
                    (String) r[4], (String) r[5], (String) r[6], r[7] == null ? null : LieuService.valueOf((String) r[7]),
                    instant(r[8]), instant(r[9]), instant(r[10]), (String) r[11], (String) r[12], (String) r[13]));
        }
        return lines;
    }

    @Override
    public List<OverrideLine> overridesSince(String team, Instant since, int offset, int limit) {
        List<OverrideLine> lines = new ArrayList<>();
        for (Object row : query("SELECT id, case_ref, primary_orientation, final_orientation, override_reason, decided_at, "
                + "ruleset_version FROM diagnostic WHERE team_id = ? AND overridden AND decided_at >= ? "
                + "ORDER BY decided_at DESC, id LIMIT " + limit + " OFFSET " + offset, team, utc(since)).getResultList()) {
            Object[] r = (Object[]) row;
            lines.add(new OverrideLine((String) r[0], (String) r[1], orientation(r[2]), orientation(r[3]), (String) r[4],
                    instant(r[5]), (String) r[6]));
        }
        return lines;
    }

    @Override
    public List<MandateLine> mandatesExpiring(String team, Instant after, Instant until, int offset, int limit) {
        List<MandateLine> lines = new ArrayList<>();
        for (Object row : query("SELECT m.id, m.case_ref, m.diagnostic_id, m.duration, m.signed_at, m.expires_at, m.created_by, "
                + "(SELECT GROUP_CONCAT(a.category ORDER BY a.category) FROM mandate_autorisation a "
                + "WHERE a.mandate_id = m.id AND a.revoked_at IS NULL) AS in_force "
                + "FROM mandate m WHERE m.team_id = ? AND " + MANDATE_IN_FORCE + " AND m.expires_at <= ? "
                + "ORDER BY m.expires_at, m.id LIMIT " + limit + " OFFSET " + offset,
                team, utc(after), utc(until)).getResultList()) {
            Object[] r = (Object[]) row;
            List<DemarcheCategory> categories = Arrays.stream(((String) r[7]).split(",")).map(DemarcheCategory::valueOf).toList();
            lines.add(new MandateLine((String) r[0], (String) r[1], (String) r[2], MandateDuration.valueOf((String) r[3]),
                    instant(r[4]), instant(r[5]), categories, (String) r[6]));
        }
        return lines;
    }

    private static Orientation orientation(Object code) {
        return code == null ? null : Orientation.valueOf((String) code);
    }

    private long count(String sql, Object... params) {
        return number(query(sql, params).getSingleResult());
    }

    private Query query(String sql, Object... params) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
