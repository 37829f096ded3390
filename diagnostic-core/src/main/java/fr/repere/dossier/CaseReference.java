package fr.repere.dossier;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host software's case reference, as it writes it: the one definition of its format and of its
 * equality. Two references are the same dossier (within a team) only when they are equal character
 * for character — « case-a » and « CASE-A » are two dossiers, as the columns compare them (binary
 * collation, V21) — and nothing is trimmed or folded: a reference with a space is refused, not
 * silently made another one.
 */
public record CaseReference(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:/-]{1," + MAX_LENGTH + "}");
    /** What a worker or an integrator is told when a reference is refused. */
    public static final String RULE = "1 à " + MAX_LENGTH + " caractères parmi lettres, chiffres et . _ : / -";

    public CaseReference {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a case reference: " + RULE);
        }
    }

    /** The reference, or empty when the text is not one (null included). */
    public static Optional<CaseReference> parse(String text) {
        return isValid(text) ? Optional.of(new CaseReference(text)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /** Whether a stored reference (a column's value) names this dossier. */
    public boolean names(String stored) {
        return value.equals(stored);
    }

    @Override
    public String toString() {
        return value;
    }
}
