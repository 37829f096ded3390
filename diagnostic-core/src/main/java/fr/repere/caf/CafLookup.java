package fr.repere.caf;

import java.time.Duration;
import java.util.Objects;

/** Result of {@link CafData#lookup}: found, no file at all, or the source could not answer now. */
public sealed interface CafLookup {

    /** The CAF or the MSA knows the person. */
    record Found(CafSituation situation) implements CafLookup {
        public Found {
            Objects.requireNonNull(situation, "situation");
        }
    }

    /** Neither the CAF nor the MSA has a file for this identity: « aucun dossier trouvé ». */
    record NotFound() implements CafLookup {
        public static final String MESSAGE = "aucun dossier trouvé";

        public String message() {
            return MESSAGE;
        }
    }

    /**
     * The source did not give a usable answer (rate limit, outage, time-out, unreadable answer,
     * refused credentials…). Nothing is known about the person; asking again may work.
     *
     * @param reason     short French explanation, free of personal data (can be shown and logged)
     * @param retryAfter how long to wait before asking again when the source said so, else {@code null}
     * @param transientFailure whether asking again soon may work (time-out, network, 5xx): callers may retry
     */
    record Unavailable(String reason, Duration retryAfter, boolean transientFailure) implements CafLookup {

        /** A failure that asking again at once will not cure (refused token, refused identity…). */
        public Unavailable(String reason, Duration retryAfter) {
            this(reason, retryAfter, false);
        }

        public Unavailable {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an unavailability needs a reason");
            }
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative");
            }
        }
    }
}
