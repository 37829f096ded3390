package fr.repere.team;

import java.time.Instant;
import java.util.List;

/** The team's figures over the period (days), as of {@code asOf}; the per-worker figures in display order. */
public record TeamFigures(Instant asOf, int days, Instant since, long referralsWaiting, long referralsRefused,
                          long referralsExpired, long overrides, long mandatesExpiringSoon, List<WorkerFigures> workers) {

    /** Per worker, over the period: referrals made and where they stand, mandates prepared. */
    public record WorkerFigures(String agentId, String displayName, long referrals, long open, long waiting, long accepted,
                                long refused, long expired, long completed, long mandates) {
    }
}
