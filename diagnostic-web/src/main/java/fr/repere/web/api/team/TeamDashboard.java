package fr.repere.web.api.team;

import fr.repere.diagnostic.Orientation;
import fr.repere.directory.LieuService;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralStatus;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The team lead's view of the own team, read straight from the tables (one aggregate query per
 * figure, over indexes that start with the team). The figures name no one and are not journaled;
 * every drill-down lists dossiers and appends one journal entry per dossier shown.
 */
@ApplicationScoped
public class TeamDashboard {

    static final Duration MANDATE_NOTICE = Duration.ofDays(30);
    static final int PAGE = 50;

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private java.time.Clock clock;

    @Inject
    private JournalWriter journal;

    @Transactional
    public TeamViews.Dashboard dashboard(Caller caller, int days) {
        String team = caller.team();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant since = now.minus(Duration.ofDays(days));
        Instant waitingBefore = now.minus(Referral.REMINDER_AFTER);
        long waiting = count("SELECT COUNT(*) FROM referral WHERE team_id = ? AND status = 'OPEN' AND created_at <= ?",
                team, utc(waitingBefore));
        long refused = count("SELECT COUNT(*) FROM referral WHERE team_id = ? AND status = 'REFUSED' AND status_changed_at >= ?",
                team, utc(since));
        long expired = count("SELECT COUNT(*) FROM referral WHERE team_id = ? AND status = 'EXPIRED' AND status_changed_at >= ?",
                team, utc(since));
        long overrides = count("SELECT COUNT(*) FROM diagnostic WHERE team_id = ? AND overridden AND decided_at >= ?",
                team, utc(since));
        long expiring = count("SELECT COUNT(*) FROM mandate m WHERE m.team_id = ? AND m.expires_at > ? AND m.expires_at <= ? "
                + "AND EXISTS (SELECT 1 FROM mandate_autorisation a WHERE a.mandate_id = m.id AND a.revoked_at IS NULL)",
                team, utc(now), utc(now.plus(MANDATE_NOTICE)));
        String q = "?days=" + days;
        return new TeamViews.Dashboard(now, days, since,
                new TeamViews.Figure(waiting, "Orientations sans réponse depuis plus de 10 jours", "/api/v1/team/referrals/waiting"),
                new TeamViews.Figure(refused, "Orientations refusées", "/api/v1/team/referrals/refused" + q),
                new TeamViews.Figure(expired, "Orientations expirées", "/api/v1/team/referrals/expired" + q),
                new TeamViews.Figure(overrides, "Orientations proposées modifiées par le travailleur social", "/api/v1/team/overrides" + q),
                new TeamViews.Figure(expiring, "Mandats qui expirent dans les 30 jours", "/api/v1/team/mandates/expiring"),
                workers(team, since, waitingBefore, q));
    }

    private List<TeamViews.Worker> workers(String team, Instant since, Instant waitingBefore, String q) {
        Map<String, TeamViews.Worker> byAgent = new LinkedHashMap<>();
        List<?> agents = query("SELECT id, display_name FROM agent WHERE team_id = ? AND role IN ('WORKER', 'TEAM_LEAD') "
                + "ORDER BY display_name, id", team).getResultList();
        for (Object row : agents) {
            Object[] a = (Object[]) row;
            byAgent.put((String) a[0], worker((String) a[0], (String) a[1], new long[8], q));
        }
        List<?> rows = query("SELECT created_by, COUNT(*), SUM(status = 'OPEN'), SUM(status = 'OPEN' AND created_at <= ?), "
                + "SUM(status = 'ACCEPTED'), SUM(status = 'REFUSED'), SUM(status = 'EXPIRED'), SUM(status = 'COMPLETED') "
                + "FROM referral WHERE team_id = ? AND created_at >= ? GROUP BY created_by",
                utc(waitingBefore), team, utc(since)).getResultList();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            long[] c = new long[8];
            for (int i = 1; i < 8; i++) {
                c[i - 1] = number(r[i]);
            }
            counts.put((String) r[0], c);
        }
        for (Object row : query("SELECT created_by, COUNT(*) FROM mandate WHERE team_id = ? AND created_at >= ? GROUP BY created_by",
                team, utc(since)).getResultList()) {
            Object[] r = (Object[]) row;
            counts.computeIfAbsent((String) r[0], k -> new long[8])[7] = number(r[1]);
        }
        counts.forEach((agent, c) -> byAgent.put(agent, worker(agent,
                Optional.ofNullable(byAgent.get(agent)).map(TeamViews.Worker::displayName).orElse(null), c, q)));
        return new ArrayList<>(byAgent.values());
    }

    private static TeamViews.Worker worker(String agent, String name, long[] c, String q) {
        return new TeamViews.Worker(agent, name, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
                "/api/v1/team/workers/" + agent + "/referrals" + q);
    }

    /** Open referrals unanswered for more than 10 days, oldest first. */
    @Transactional
    public TeamViews.Page<TeamViews.ReferralRow> waiting(Caller caller, int offset) {
        Instant now = clock.instant();
        return referrals(caller, "r.status = 'OPEN' AND r.created_at <= ?", List.of(utc(now.minus(Referral.REMINDER_AFTER))),
                "r.created_at ASC, r.id", offset, now);
    }

    /** Refused or expired referrals of the period, with their reasons, most recent first. */
    @Transactional
    public TeamViews.Page<TeamViews.ReferralRow> closed(Caller caller, ReferralStatus status, int days, int offset) {
        Instant now = clock.instant();
        return referrals(caller, "r.status = ? AND r.status_changed_at >= ?",
                List.of(status.name(), utc(now.minus(Duration.ofDays(days)))), "r.status_changed_at DESC, r.id", offset, now);
    }

    /** A worker's referrals of the period; empty if the agent is not of the caller's team. */
    @Transactional
    public Optional<TeamViews.Page<TeamViews.ReferralRow>> ofWorker(Caller caller, String agent, int days, int offset) {
        if (count("SELECT COUNT(*) FROM agent WHERE id = ? AND team_id = ?", agent, caller.team()) == 0) {
            journal.appendRegardless(JournalEntry.refused(clock.instant(), caller.actor(), JournalAction.TEAM_DOSSIER_READ, null));
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(referrals(caller, "r.created_by = ? AND r.created_at >= ?",
                List.of(agent, utc(now.minus(Duration.ofDays(days)))), "r.created_at DESC, r.id", offset, now));
    }

    private TeamViews.Page<TeamViews.ReferralRow> referrals(Caller caller, String where, List<Object> params, String order,
                                                            int offset, Instant now) {
        List<Object> all = new ArrayList<>();
        all.add(caller.team());
        all.addAll(params);
        List<?> rows = query("SELECT r.id, r.diagnostic_id, d.case_ref, r.status, r.place_id, r.place_nom, r.place_commune, "
                + "r.service, r.created_at, r.status_changed_at, r.reminded_at, r.refusal_reason, r.created_by, a.display_name "
                + "FROM referral r JOIN diagnostic d ON d.id = r.diagnostic_id LEFT JOIN agent a ON a.id = r.created_by "
                + "WHERE r.team_id = ? AND " + where + " ORDER BY " + order + " LIMIT " + (PAGE + 1) + " OFFSET " + offset,
                all.toArray()).getResultList();
        List<TeamViews.ReferralRow> items = new ArrayList<>();
        for (Object row : rows.subList(0, Math.min(PAGE, rows.size()))) {
            Object[] r = (Object[]) row;
            ReferralStatus status = ReferralStatus.valueOf((String) r[3]);
            Instant created = instant(r[8]);
            String reason = status == ReferralStatus.EXPIRED ? "Sans réponse du lieu 30 jours après l'envoi" : (String) r[11];
            long days = status == ReferralStatus.OPEN ? Duration.between(created, now).toDays() : 0;
            items.add(new TeamViews.ReferralRow((String) r[0], (String) r[1], (String) r[2], status.name(), status.label(),
                    (String) r[4], (String) r[5], (String) r[6],
                    r[7] == null ? null : LieuService.valueOf((String) r[7]).label(), created, instant(r[9]), days,
                    instant(r[10]), reason, (String) r[12], (String) r[13]));
            journalRead(caller, caller.team(), (String) r[2], (String) r[0]);
        }
        return new TeamViews.Page<>(items, offset, PAGE, rows.size() > PAGE);
    }

    /** Diagnostics of the period whose decision departs from the proposal, with the worker's reason. */
    @Transactional
    public TeamViews.Page<TeamViews.OverrideRow> overrides(Caller caller, int days, int offset) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        List<?> rows = query("SELECT id, case_ref, primary_orientation, final_orientation, override_reason, decided_at, "
                + "ruleset_version FROM diagnostic WHERE team_id = ? AND overridden AND decided_at >= ? "
                + "ORDER BY decided_at DESC, id LIMIT " + (PAGE + 1) + " OFFSET " + offset, caller.team(), utc(since))
                .getResultList();
        List<TeamViews.OverrideRow> items = new ArrayList<>();
        for (Object row : rows.subList(0, Math.min(PAGE, rows.size()))) {
            Object[] r = (Object[]) row;
            items.add(new TeamViews.OverrideRow((String) r[0], (String) r[1], label((String) r[2]), label((String) r[3]),
                    (String) r[4], instant(r[5]), (String) r[6]));
            journalRead(caller, caller.team(), (String) r[1], (String) r[0]);
        }
        return new TeamViews.Page<>(items, offset, PAGE, rows.size() > PAGE);
    }

    /** Signed mandates with an autorisation in force that expire within 30 days, soonest first. */
    @Transactional
    public TeamViews.Page<TeamViews.MandateRow> expiringMandates(Caller caller, int offset) {
        Instant now = clock.instant();
        List<?> rows = query("SELECT m.id, m.case_ref, m.diagnostic_id, m.duration, m.signed_at, m.expires_at, m.created_by, "
                + "(SELECT GROUP_CONCAT(a.category ORDER BY a.category) FROM mandate_autorisation a "
                + "WHERE a.mandate_id = m.id AND a.revoked_at IS NULL) AS in_force "
                + "FROM mandate m WHERE m.team_id = ? AND m.expires_at > ? AND m.expires_at <= ? "
                + "HAVING in_force IS NOT NULL ORDER BY m.expires_at, m.id LIMIT " + (PAGE + 1) + " OFFSET " + offset,
                caller.team(), utc(now), utc(now.plus(MANDATE_NOTICE))).getResultList();
        List<TeamViews.MandateRow> items = new ArrayList<>();
        for (Object row : rows.subList(0, Math.min(PAGE, rows.size()))) {
            Object[] r = (Object[]) row;
            MandateDuration duration = MandateDuration.valueOf((String) r[3]);
            Instant expires = instant(r[5]);
            List<String> categories = Arrays.stream(((String) r[7]).split(","))
                    .map(c -> DemarcheCategory.valueOf(c).label()).toList();
            items.add(new TeamViews.MandateRow((String) r[0], (String) r[1], (String) r[2], duration.name(), duration.label(),
                    instant(r[4]), expires, Duration.between(now, expires).toDays(), categories, (String) r[6]));
            journalRead(caller, caller.team(), (String) r[1], (String) r[0]);
        }
        return new TeamViews.Page<>(items, offset, PAGE, rows.size() > PAGE);
    }

    private void journalRead(Caller caller, String team, String caseRef, String target) {
        journal.append(JournalEntry.dossierAction(clock.instant(), caller.actor(), JournalAction.TEAM_DOSSIER_READ,
                journal.dossier(team, caseRef), target));
    }

    private static String label(String orientation) {
        return orientation == null ? null : Orientation.valueOf(orientation).name();
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
