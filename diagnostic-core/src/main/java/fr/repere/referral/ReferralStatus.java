package fr.repere.referral;

import java.util.EnumSet;
import java.util.Set;

/**
 * The statuses of a referral, Dora's words verbatim, plus "Réalisée" once the person attended.
 * Dora's "En cours de modération" is not used: Repère's referrals are made by an agent and need
 * no moderation.
 */
public enum ReferralStatus {
    OPEN("Ouverte / En cours de traitement"),
    ACCEPTED("Validée"),
    REFUSED("Refusée"),
    EXPIRED("Expirée"),
    COMPLETED("Réalisée");

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses this one may change to. Refused, expired and completed referrals are closed. */
    public Set<ReferralStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(ACCEPTED, REFUSED, EXPIRED, COMPLETED);
            case ACCEPTED -> EnumSet.of(COMPLETED);
            case REFUSED, EXPIRED, COMPLETED -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean isClosed() {
        return next().isEmpty();
    }
}
