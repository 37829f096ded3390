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
     * Why the source gave no usable answer. Each kind tells who can act: nobody but time (the
     * provider), the administrator (Repère's token or habilitation), the worker (the identity), or
     * support (an answer Repère cannot read).
     */
    enum Failure {
        /** Time-out, no connection, 5xx: asking again soon may work; retried, and counted by the circuit. */
        PROVIDER_DOWN(true, true),
        /** The provider (429) or Repère's own rate limit asked to wait. */
        RATE_LIMITED(false, false),
        /** 401/403: the token or the habilitation was refused; the administrator must act. Counted by the circuit. */
        CONFIGURATION(false, true),
        /** 400/422: the identity as sent was refused; the worker checks it. */
        IDENTITY_REFUSED(false, false),
        /** Any other answer: an unexpected status, a 404 without a documented "no file" code, an unreadable or oversized body. */
        UNEXPECTED(false, false),
        /** Repère itself failed before an answer (a crash, an interrupted thread, a node that died). */
        INTERNAL(false, false);

        private final boolean retriable;
        private final boolean countsAgainstProvider;

        Failure(boolean retriable, boolean countsAgainstProvider) {
            this.retriable = retriable;
            this.countsAgainstProvider = countsAgainstProvider;
        }

        /** Whether asking again at once may work (retried by the gateway). */
        public boolean retriable() {
            return retriable;
        }

        /** Whether it counts towards opening the circuit (the provider, or our access to it, is failing). */
        public boolean countsAgainstProvider() {
            return countsAgainstProvider;
        }
    }

    /**
     * The source did not give a usable answer. Nothing is known about the person.
     *
     * @param failure    who can act
     * @param reason     Repère's own short French wording, with at most the HTTP status and the
     *                   provider's error code; never the provider's text, never personal data
     *                   (shown to support, logged, stored)
     * @param retryAfter how long to wait before asking again when the source said so, counted from
     *                   its reply; else {@code null}
     */
    record Unavailable(Failure failure, String reason, Duration retryAfter) implements CafLookup {

        /** Longest reason kept: Repère's wording is short, a longer one is a bug that must not fill a log. */
        public static final int REASON_MAX = 200;

        public Unavailable {
            Objects.requireNonNull(failure, "failure");
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an unavailability needs a reason");
            }
            if (reason.length() > REASON_MAX) {
                reason = reason.substring(0, REASON_MAX);
            }
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative");
            }
        }

        /** Whether asking again soon may work (time-out, network, 5xx). */
        public boolean transientFailure() {
            return failure.retriable();
        }
    }
}
