package fr.repere.team;

import fr.repere.referral.Referral;
import fr.repere.referral.ReferralStatus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The team lead's view of the own team over {@link TeamQueries}: the figures (one aggregate each,
 * naming no one) and the pages of dossiers behind them ({@link #PAGE} at a time). Listing dossiers
 * is journaled by the caller, one entry per dossier of the page.
 */
@ApplicationScoped
public class TeamFollowUp {

    /** How far ahead an expiring mandate is shown: the one definition, which every text quotes. */
    public static final int MANDATE_NOTICE_DAYS = 30;
    public static final Duration MANDATE_NOTICE = Duration.ofDays(MANDATE_NOTICE_DAYS);
    /** Dossiers per page. */
    public static final int PAGE = 50;
    /** Why an expired referral ended: the place never answered. */
    public static final String EXPIRED_REASON = "Sans réponse du lieu " + Referral.EXPIRY_DAYS + " jours après l'envoi";

    private TeamQueries queries;
    private Clock clock;

    /** For CDI's proxy. */
    protected TeamFollowUp() {
    }

    @Inject
    public TeamFollowUp(TeamQueries queries, Clock clock) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The team's figures over the last {@code days} days. */
    public TeamFigures figures(String team, int days) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant since = now.minus(Duration.ofDays(days));
        Instant waitingBefore = now.minus(Referral.REMINDER_AFTER);
        long waiting = queries.openReferralsCreatedUntil(team, waitingBefore);
        long refused = queries.referralsReaching(team, ReferralStatus.REFUSED, since);
        long expired = queries.referralsReaching(team, ReferralStatus.EXPIRED, since);
        long overrides = queries.overridesSince(team, since);
        long expiring = queries.mandatesExpiring(team, now, now.plus(MANDATE_NOTICE));
        return new TeamFigures(now, days, since, waiting, refused, expired, overrides, expiring,
                workers(team, since, waitingBefore));
    }

    /**
     * Every worker and team lead of the team, by name, with zeros when idle; then the authors who
     * are no longer of the team but made referrals or mandates of the team in the period (no name).
     */
    private List<TeamFigures.WorkerFigures> workers(String team, Instant since, Instant waitingBefore) {
        Map<String, TeamFigures.WorkerFigures> byAgent = new LinkedHashMap<>();
        for (TeamQueries.Member member : queries.members(team)) {
            byAgent.put(member.agentId(), worker(member.agentId(), member.displayName(), new long[8]));
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (TeamQueries.ReferralCounts r : queries.referralsByAuthor(team, since, waitingBefore)) {
            counts.put(r.agentId(), new long[] {r.referrals(), r.open(), r.waiting(), r.accepted(), r.refused(), r.expired(),
                r.completed(), 0});
        }
        for (TeamQueries.AuthorCount m : queries.mandatesByAuthor(team, since)) {
            counts.computeIfAbsent(m.agentId(), k -> new long[8])[7] = m.count();
        }
        counts.forEach((agent, c) -> byAgent.put(agent, worker(agent,
                Optional.ofNullable(byAgent.get(agent)).map(TeamFigures.WorkerFigures::displayName).orElse(null), c)));
        return new ArrayList<>(byAgent.values());
    }

    private static TeamFigures.WorkerFigures worker(String agent, String name, long[] c) {
        return new TeamFigures.WorkerFigures(agent, name, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    }

    /** Open referrals unanswered for more than 10 days, oldest first. */
    public TeamPage<TeamReferral> waiting(String team, int offset) {
        Instant now = clock.instant();
        return referrals(queries.openReferralsCreatedUntil(team, now.minus(Referral.REMINDER_AFTER), offset, PAGE + 1), offset, now);
    }

    /** Refused or expired referrals of the period, with their reasons, most recent first. */
    public TeamPage<TeamReferral> closed(String team, ReferralStatus status, int days, int offset) {
        Instant now = clock.instant();
        return referrals(queries.referralsReaching(team, status, now.minus(Duration.ofDays(days)), offset, PAGE + 1), offset, now);
    }

    /** A worker's referrals of the period; empty if the agent is not of the team. */
    public Optional<TeamPage<TeamReferral>> ofWorker(String team, String agent, int days, int offset) {
        if (!queries.isMember(agent, team)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.of(referrals(queries.referralsOf(team, agent, now.minus(Duration.ofDays(days)), offset, PAGE + 1),
                offset, now));
    }

    private static TeamPage<TeamReferral> referrals(List<TeamQueries.ReferralLine> lines, int offset, Instant now) {
        return page(lines, offset, r -> new TeamReferral(r.referralId(), r.diagnosticId(), r.caseRef(), r.status(), r.placeId(),
                r.placeNom(), r.placeCommune(), r.service(), r.createdAt(), r.statusChangedAt(),
                r.status() == ReferralStatus.OPEN ? Duration.between(r.createdAt(), now).toDays() : 0, r.remindedAt(),
                r.status() == ReferralStatus.EXPIRED ? EXPIRED_REASON : r.refusalReason(), r.agentId(), r.agentName()));
    }

    /** Diagnostics of the period whose decision departs from the proposal, with the worker's reason. */
    public TeamPage<TeamQueries.OverrideLine> overrides(String team, int days, int offset) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return page(queries.overridesSince(team, since, offset, PAGE + 1), offset, Function.identity());
    }

    /** Signed mandates with an autorisation in force that expire within 30 days, soonest first. */
    public TeamPage<ExpiringMandate> expiringMandates(String team, int offset) {
        Instant now = clock.instant();
        return page(queries.mandatesExpiring(team, now, now.plus(MANDATE_NOTICE), offset, PAGE + 1), offset,
                m -> new ExpiringMandate(m.mandateId(), m.caseRef(), m.diagnosticId(), m.duration(), m.signedAt(), m.expiresAt(),
                        Duration.between(now, m.expiresAt()).toDays(), m.categoriesInForce(), m.agentId()));
    }

    /** The first {@link #PAGE} of the lines read (one more is read to know whether others follow). */
    private static <L, T> TeamPage<T> page(List<L> lines, int offset, Function<L, T> item) {
        List<T> items = lines.subList(0, Math.min(PAGE, lines.size())).stream().map(item).toList();
        return new TeamPage<>(items, offset, PAGE, lines.size() > PAGE);
    }
}
