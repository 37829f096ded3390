package fr.repere.dossier;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How long something is kept, in calendar months, within the bounds the law and good sense allow.
 * Built only through {@link #dossiers} and {@link #journal}, which refuse absurd values with a
 * message naming the setting, so that a mistyped configuration stops the application at start-up
 * instead of erasing dossiers.
 */
public record RetentionPeriod(int months) {

    /** Dossiers: shorter than a year would anonymize people seen once a year; ten years is the ceiling. */
    public static final int DOSSIER_MIN = 12;
    public static final int DOSSIER_MAX = 120;
    /** The journal: 6 to 12 months (CNIL recommendation on logging); the database refuses less than 6. */
    public static final int JOURNAL_MIN = 6;
    public static final int JOURNAL_MAX = 12;

    public RetentionPeriod {
        if (months < 1) {
            throw new IllegalArgumentException("a retention period is at least one month, not " + months);
        }
    }

    /** Months without activity after which a dossier is anonymized. */
    public static RetentionPeriod dossiers(int months) {
        return bounded("repere.retention.dossier-months", months, DOSSIER_MIN, DOSSIER_MAX,
                "months without activity before a dossier is anonymized");
    }

    /** Months an entry of the audit journal is kept. */
    public static RetentionPeriod journal(int months) {
        return bounded("repere.retention.journal-months", months, JOURNAL_MIN, JOURNAL_MAX,
                "months the access journal is kept (CNIL logging recommendation: 6 to 12)");
    }

    private static RetentionPeriod bounded(String setting, int months, int min, int max, String meaning) {
        if (months < min || months > max) {
            throw new IllegalArgumentException(setting + " = " + months + " is refused: it is the number of "
                    + meaning + ", between " + min + " and " + max + ". Repère does not start with this value.");
        }
        return new RetentionPeriod(months);
    }

    /** The instant before which things are past the period, as of {@code now} (UTC calendar months). */
    public Instant cutoff(Instant now) {
        return now.atZone(ZoneOffset.UTC).minusMonths(months).toInstant();
    }
}
