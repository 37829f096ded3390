package fr.repere.diagnostic;

import java.util.Optional;
import java.util.UUID;

/** Identity of a diagnostic: a random UUID, so ids reveal neither order nor volume. */
public record DiagnosticId(String value) {

    public static DiagnosticId next() {
        return new DiagnosticId(UUID.randomUUID().toString());
    }

    /** Parses an id from outside; anything that is not a canonical UUID is no id of ours. */
    public static Optional<DiagnosticId> parse(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.toString().equals(text) ? Optional.of(new DiagnosticId(text)) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
