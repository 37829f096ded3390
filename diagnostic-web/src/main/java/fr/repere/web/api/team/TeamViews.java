package fr.repere.web.api.team;

import java.time.Instant;
import java.util.List;

/** The JSON of the team lead's view. */
public final class TeamViews {

    private TeamViews() {
    }

    /** The figures; each names the address of its drill-down. */
    public record Dashboard(Instant asOf, int days, Instant since, Figure referralsWaiting, Figure referralsRefused,
                     Figure referralsExpired, Figure overrides, Figure mandatesExpiringSoon, List<Worker> workers) {
    }

    public record Figure(long count, String label, String dossiers) {
    }

    /** Per worker, over the period: referrals made and where they stand, mandates prepared. */
    public record Worker(String agentId, String displayName, long referrals, long open, long waiting, long accepted,
                  long refused, long expired, long completed, long mandates, String dossiers) {
    }

    public record Page<T>(List<T> items, int offset, int limit, boolean more) {
    }

    public record ReferralRow(String referralId, String diagnosticId, String caseRef, String status, String statusLabel,
                       String placeId, String placeNom, String placeCommune, String service, Instant createdAt,
                       Instant statusChangedAt, long daysWithoutAnswer, Instant remindedAt, String reason,
                       String agentId, String agentName) {
    }

    public record OverrideRow(String diagnosticId, String caseRef, String proposed, String decided, String reason,
                       Instant decidedAt, String rulesetVersion) {
    }

    public record MandateRow(String mandateId, String caseRef, String diagnosticId, String duration, String durationLabel,
                      Instant signedAt, Instant expiresAt, long daysLeft, List<String> categoriesInForce, String agentId) {
    }
}
