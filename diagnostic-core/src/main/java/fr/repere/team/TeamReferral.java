package fr.repere.team;

import fr.repere.directory.LieuService;
import fr.repere.referral.ReferralStatus;

import java.time.Instant;

/** A referral as the team lead reads it: where it stands, for how long it has waited, and why it ended. */
public record TeamReferral(String referralId, String diagnosticId, String caseRef, ReferralStatus status, String placeId,
                           String placeNom, String placeCommune, LieuService service, Instant createdAt,
                           Instant statusChangedAt, long daysWithoutAnswer, Instant remindedAt, String reason,
                           String agentId, String agentName) {
}
