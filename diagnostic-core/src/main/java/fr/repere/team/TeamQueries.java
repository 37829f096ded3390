package fr.repere.team;

import fr.repere.diagnostic.Orientation;
import fr.repere.directory.LieuService;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;
import fr.repere.referral.ReferralStatus;

import java.time.Instant;
import java.util.List;

/**
 * The reads of the team lead's view (query port): one aggregate per figure, and the pages of
 * dossiers behind them, always within one team.
 */
public interface TeamQueries {

    /** Open referrals of the team created at or before {@code createdUntil}. */
    long openReferralsCreatedUntil(String team, Instant createdUntil);

    /** Referrals of the team that reached {@code status} since {@code since}. */
    long referralsReaching(String team, ReferralStatus status, Instant since);

    /** Diagnostics of the team decided since {@code since} whose decision departs from the proposal. */
    long overridesSince(String team, Instant since);

    /** Mandates of the team with an autorisation in force that expire after {@code after} and until {@code until}. */
    long mandatesExpiring(String team, Instant after, Instant until);

    /** Workers and team leads of the team, by display name then id. */
    List<Member> members(String team);

    /** Per author, the team's referrals created since {@code since} and where they stand (open ones created until {@code waitingUntil} wait). */
    List<ReferralCounts> referralsByAuthor(String team, Instant since, Instant waitingUntil);

    /** Per author, the team's mandates created since {@code since}. */
    List<AuthorCount> mandatesByAuthor(String team, Instant since);

    /** Whether the agent is of the team. */
    boolean isMember(String agent, String team);

    /** Open referrals created until {@code createdUntil}, oldest first. */
    List<ReferralLine> openReferralsCreatedUntil(String team, Instant createdUntil, int offset, int limit);

    /** Referrals that reached {@code status} since {@code since}, most recent first. */
    List<ReferralLine> referralsReaching(String team, ReferralStatus status, Instant since, int offset, int limit);

    /** The author's referrals created since {@code since}, most recent first. */
    List<ReferralLine> referralsOf(String team, String author, Instant since, int offset, int limit);

    /** Overridden diagnostics decided since {@code since}, most recent first. */
    List<OverrideLine> overridesSince(String team, Instant since, int offset, int limit);

    /** Mandates with an autorisation in force expiring after {@code after} and until {@code until}, soonest first. */
    List<MandateLine> mandatesExpiring(String team, Instant after, Instant until, int offset, int limit);

    record Member(String agentId, String displayName) {
    }

    record ReferralCounts(String agentId, long referrals, long open, long waiting, long accepted, long refused, long expired,
                          long completed) {
    }

    record AuthorCount(String agentId, long count) {
    }

    /** A referral with its dossier's reference and its author's name ({@code service} and names may be null). */
    record ReferralLine(String referralId, String diagnosticId, String caseRef, ReferralStatus status, String placeId,
                        String placeNom, String placeCommune, LieuService service, Instant createdAt, Instant statusChangedAt,
                        Instant remindedAt, String refusalReason, String agentId, String agentName) {
    }

    /** An overridden diagnostic: the proposed and the decided orientation (either may be null), the worker's reason. */
    record OverrideLine(String diagnosticId, String caseRef, Orientation proposed, Orientation decided, String reason,
                        Instant decidedAt, String rulesetVersion) {
    }

    /** A mandate and the categories of its autorisations in force, by code. */
    record MandateLine(String mandateId, String caseRef, String diagnosticId, MandateDuration duration, Instant signedAt,
                       Instant expiresAt, List<DemarcheCategory> categoriesInForce, String agentId) {
    }
}
