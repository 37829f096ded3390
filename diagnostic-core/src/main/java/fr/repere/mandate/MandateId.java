package fr.repere.mandate;

import java.util.Optional;
import java.util.UUID;

/** Identity of a mandate: a random UUID. */
public record MandateId(String value) {

    public static MandateId next() {
        return new MandateId(UUID.randomUUID().toString());
    }

    /** Parses an id from outside; anything that is not a canonical UUID is no id of ours. */
    public static Optional<MandateId> parse(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.toString().equals(text) ? Optional.of(new MandateId(text)) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
