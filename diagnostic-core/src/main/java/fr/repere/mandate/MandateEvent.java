package fr.repere.mandate;

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
 * One line of the mandate journal (Aidants Connect's "journal"): who, when, which action, which
 * category. Made only by {@link Mandate}; saving a change or a removal throws, and the database
 * refuses any UPDATE or DELETE (migration V11).
 */
@Entity
@Table(name = "mandate_event")
public class MandateEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", updatable = false)
    private Long id;

    /**
     * Position in the mandate's journal. Events appended in one transaction (revoking the last
     * category also ends the mandate) are inserted in no guaranteed order, so the id cannot tell it.
     */
    @Column(name = "seq", nullable = false, updatable = false)
    private int seq;

    @ManyToOne(optional = false)
    @JoinColumn(name = "mandate_id", nullable = false, updatable = false)
    private Mandate mandate;

    /** UTC. */
    @Column(name = "at", nullable = false, updatable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", length = 32, nullable = false, updatable = false)
    private MandateAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 16, updatable = false)
    private DemarcheCategory category;

    /** The agent who acted, for the organisation. */
    @Column(name = "actor", length = 36, nullable = false, updatable = false)
    private String actor;

    @Column(name = "organisation_id", length = 36, nullable = false, updatable = false)
    private String organisation;

    protected MandateEvent() {
        // for JPA
    }

    MandateEvent(Mandate mandate, int seq, Instant at, MandateAction action, DemarcheCategory category, String actor) {
        this.mandate = mandate;
        this.seq = seq;
        this.at = at.truncatedTo(ChronoUnit.MILLIS);
        this.action = action;
        this.category = category;
        this.actor = actor;
        this.organisation = mandate.organisation();
    }

    @PreUpdate
    @PreRemove
    void refuseChange() {
        throw new IllegalStateException("the mandate journal only appends");
    }

    public Instant at() {
        return at;
    }

    public MandateAction action() {
        return action;
    }

    /** Null for an action on the whole mandate. */
    public DemarcheCategory category() {
        return category;
    }

    public String actor() {
        return actor;
    }
}
