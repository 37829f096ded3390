package fr.repere.web.api.team;

import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralStatus;
import fr.repere.team.ExpiringMandate;
import fr.repere.team.TeamFigures;
import fr.repere.team.TeamFollowUp;
import fr.repere.team.TeamPage;
import fr.repere.team.TeamQueries;
import fr.repere.team.TeamReferral;
import fr.repere.web.security.Caller;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The team lead's view of the own team, each read in its own transaction over {@link TeamFollowUp}
 * (the use cases, in core), always within the caller's team. The figures name no one and are not
 * journaled; every drill-down appends one journal entry per dossier shown.
 */
@ApplicationScoped
public class TeamDashboard {

    @Inject
    private TeamFollowUp team;

    @Inject
    private Clock clock;

    @Inject
    private JournalWriter journal;

    @Transactional
    public TeamViews.Dashboard dashboard(Caller caller, int days) {
        TeamFigures f = team.figures(caller.team(), days);
        String q = "?days=" + days;
        return new TeamViews.Dashboard(f.asOf(), f.days(), f.since(),
                new TeamViews.Figure(f.referralsWaiting(), "Orientations sans réponse depuis plus de " + Referral.REMINDER_DAYS + " jours", "/api/v1/team/referrals/waiting"),
                new TeamViews.Figure(f.referralsRefused(), "Orientations refusées", "/api/v1/team/referrals/refused" + q),
                new TeamViews.Figure(f.referralsExpired(), "Orientations expirées", "/api/v1/team/referrals/expired" + q),
                new TeamViews.Figure(f.overrides(), "Orientations proposées modifiées par le travailleur social", "/api/v1/team/overrides" + q),
                new TeamViews.Figure(f.mandatesExpiringSoon(), "Mandats qui expirent dans les " + TeamFollowUp.MANDATE_NOTICE_DAYS + " jours", "/api/v1/team/mandates/expiring"),
                f.workers().stream().map(w -> new TeamViews.Worker(w.agentId(), w.displayName(), w.referrals(), w.open(), w.waiting(),
                        w.accepted(), w.refused(), w.expired(), w.completed(), w.mandates(),
                        "/api/v1/team/workers/" + w.agentId() + "/referrals" + q)).toList());
    }

    /** Open referrals unanswered for more than 10 days, oldest first. */
    @Transactional
    public TeamViews.Page<TeamViews.ReferralRow> waiting(Caller caller, int offset) {
        return referrals(caller, team.waiting(caller.team(), offset));
    }

    /** Refused or expired referrals of the period, with their reasons, most recent first. */
    @Transactional
    public TeamViews.Page<TeamViews.ReferralRow> closed(Caller caller, ReferralStatus status, int days, int offset) {
        return referrals(caller, team.closed(caller.team(), status, days, offset));
    }

    /** A worker's referrals of the period; empty (and the refusal journaled) if the agent is not of the caller's team. */
    @Transactional
    public Optional<TeamViews.Page<TeamViews.ReferralRow>> ofWorker(Caller caller, String agent, int days, int offset) {
        Optional<TeamPage<TeamReferral>> page = team.ofWorker(caller.team(), agent, days, offset);
        if (page.isEmpty()) {
            journal.appendRegardless(JournalEntry.refused(clock.instant(), caller.actor(), JournalAction.TEAM_DOSSIER_READ, null));
            return Optional.empty();
        }
        return Optional.of(referrals(caller, page.get()));
    }

    private TeamViews.Page<TeamViews.ReferralRow> referrals(Caller caller, TeamPage<TeamReferral> page) {
        return shown(caller, page, TeamReferral::caseRef, TeamReferral::referralId, r -> new TeamViews.ReferralRow(r.referralId(),
                r.diagnosticId(), r.caseRef(), r.status().name(), r.status().label(), r.placeId(), r.placeNom(), r.placeCommune(),
                r.service() == null ? null : r.service().label(), r.createdAt(), r.statusChangedAt(), r.daysWithoutAnswer(),
                r.remindedAt(), r.reason(), r.agentId(), r.agentName()));
    }

    /** Diagnostics of the period whose decision departs from the proposal, with the worker's reason. */
    @Transactional
    public TeamViews.Page<TeamViews.OverrideRow> overrides(Caller caller, int days, int offset) {
        return shown(caller, team.overrides(caller.team(), days, offset), TeamQueries.OverrideLine::caseRef,
                TeamQueries.OverrideLine::diagnosticId, o -> new TeamViews.OverrideRow(o.diagnosticId(), o.caseRef(),
                        o.proposed() == null ? null : o.proposed().name(), o.decided() == null ? null : o.decided().name(),
                        o.reason(), o.decidedAt(), o.rulesetVersion()));
    }

    /** Signed mandates with an autorisation in force that expire within 30 days, soonest first. */
    @Transactional
    public TeamViews.Page<TeamViews.MandateRow> expiringMandates(Caller caller, int offset) {
        return shown(caller, team.expiringMandates(caller.team(), offset), ExpiringMandate::caseRef, ExpiringMandate::mandateId,
                m -> new TeamViews.MandateRow(m.mandateId(), m.caseRef(), m.diagnosticId(), m.duration().name(),
                        m.duration().label(), m.signedAt(), m.expiresAt(), m.daysLeft(),
                        m.categoriesInForce().stream().map(DemarcheCategory::label).toList(), m.agentId()));
    }

    /** The page as JSON, one journal entry per dossier shown, in the page's order. */
    private <T, R> TeamViews.Page<R> shown(Caller caller, TeamPage<T> page, Function<T, String> caseRef, Function<T, String> target,
                                           Function<T, R> row) {
        List<R> items = new ArrayList<>();
        for (T item : page.items()) {
            items.add(row.apply(item));
            journal.append(JournalEntry.dossierAction(clock.instant(), caller.actor(), JournalAction.TEAM_DOSSIER_READ,
                    journal.dossier(caller.team(), caseRef.apply(item)), target.apply(item)));
        }
        return new TeamViews.Page<>(items, page.offset(), page.limit(), page.more());
    }
}
