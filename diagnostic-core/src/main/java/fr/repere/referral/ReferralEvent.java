package fr.repere.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line of a referral's history: a status change (from, to, who, why) or the reminder sent to
 * the worker. Written only by {@link Referral}, never changed (the database refuses it too, see
 * migration V11).
 */
@Entity
@Table(name = "referral_event")
public class ReferralEvent {

    /** What happened. */
    public enum Kind {
        /** The referral was made, or its status changed. */
        STATUS,
        /** No answer after the reminder delay: the worker is asked to follow it up. */
        REMINDER
    }

    /** The actor of what the scheduled jobs do (reminder, expiry). */
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", updatable = false)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "referral_id", nullable = false, updatable = false)
    private Referral referral;

    /** UTC. */
    @Column(name = "at", nullable = false, updatable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 16, nullable = false, updatable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16, updatable = false)
    private ReferralStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", length = 16, nullable = false, updatable = false)
    private ReferralStatus to;

    /** The agent's id, or {@link #SYSTEM}. */
    @Column(name = "actor", length = 64, nullable = false, updatable = false)
    private String actor;

    @Column(name = "reason", length = 1000, updatable = false)
    private String reason;

    protected ReferralEvent() {
        // for JPA
    }

    ReferralEvent(Referral referral, Instant at, Kind kind, ReferralStatus from, ReferralStatus to, String actor,
                  String reason) {
        this.referral = referral;
        this.at = at.truncatedTo(ChronoUnit.MILLIS);
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.reason = reason;
    }

    @PreUpdate
    @PreRemove
    void refuseChange() {
        throw new IllegalStateException("a referral's history only appends");
    }

    public Instant at() {
        return at;
    }

    public Kind kind() {
        return kind;
    }

    /** Null for the first line (the referral was made). */
    public ReferralStatus from() {
        return from;
    }

    public ReferralStatus to() {
        return to;
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    /** The line's number in the history table, null until it is written. */
    Long number() {
        return id;
    }
}
