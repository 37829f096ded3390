package fr.repere.diagnostic;

/** One rule that fired, by its stable name, with its explanation in French. */
public record Reason(String rule, String text) {
}
