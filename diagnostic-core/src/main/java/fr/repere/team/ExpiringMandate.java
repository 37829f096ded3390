package fr.repere.team;

import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;

import java.time.Instant;
import java.util.List;

/** A mandate about to expire, with the days left and the categories of its autorisations in force. */
public record ExpiringMandate(String mandateId, String caseRef, String diagnosticId, MandateDuration duration,
                              Instant signedAt, Instant expiresAt, long daysLeft, List<DemarcheCategory> categoriesInForce,
                              String agentId) {
}
