package fr.repere.referral;

import java.util.Optional;
import java.util.UUID;

/** Identity of a referral: a random UUID, so the slip's address says nothing about the person. */
public record ReferralId(String value) {

    public static ReferralId next() {
        return new ReferralId(UUID.randomUUID().toString());
    }

    /** Parses an id from outside; anything that is not a canonical UUID is no id of ours. */
    public static Optional<ReferralId> parse(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.toString().equals(text) ? Optional.of(new ReferralId(text)) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
