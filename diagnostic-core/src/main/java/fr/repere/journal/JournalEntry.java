package fr.repere.journal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line of the audit journal. Made only by its named factories, never changed: there is no
 * setter, every column is insert-only, and changing or removing an entry through JPA throws
 * (the database refuses it too, see migration V5).
 */
@Entity
@Table(name = "journal_entry")
public class JournalEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", updatable = false)
    private Long id;

    /** UTC. */
    @Column(name = "at", nullable = false, updatable = false)
    private Instant at;

    /** The agent or host system that acted; null when unknown (a refused login). */
    @Column(name = "actor", length = 64, updatable = false)
    private String actor;

    @Column(name = "actor_role", length = 16, updatable = false)
    private String actorRole;

    @Column(name = "team", length = 36, updatable = false)
    private String team;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", length = 32, nullable = false, updatable = false)
    private JournalAction action;

    /** Pseudonymous id of the person's dossier (never the host's case reference itself). */
    @Column(name = "dossier", length = 64, updatable = false)
    private String dossier;

    /** The diagnostic or draft concerned, if any. */
    @Column(name = "target", length = 36, updatable = false)
    private String target;

    @Column(name = "allowed", nullable = false, updatable = false)
    private boolean allowed;

    /** A code completing the action (the ground of an erasure); never free text. */
    @Column(name = "detail", length = 32, updatable = false)
    private String detail;

    protected JournalEntry() {
        // for JPA
    }

    private JournalEntry(Instant at, String actor, String actorRole, String team, JournalAction action, String dossier,
                         String target, boolean allowed) {
        this.at = at.truncatedTo(ChronoUnit.MILLIS);
        this.actor = actor;
        this.actorRole = actorRole;
        this.team = team;
        this.action = action;
        this.dossier = dossier;
        this.target = target;
        this.allowed = allowed;
    }

    /** An action on a person's dossier, allowed. */
    public static JournalEntry dossierAction(Instant at, Actor who, JournalAction action, String dossier, String target) {
        return new JournalEntry(at, who.id(), who.role(), who.team(), action, dossier, target, true);
    }

    /** An access that was refused (another team's record, a forbidden endpoint). */
    public static JournalEntry refused(Instant at, Actor who, JournalAction attempted, String target) {
        return new JournalEntry(at, who.id(), who.role(), who.team(), attempted, null, target, false);
    }

    public static JournalEntry login(Instant at, Actor who) {
        return new JournalEntry(at, who.id(), who.role(), who.team(), JournalAction.LOGIN, null, null, true);
    }

    /**
     * A refused login or host key, the first of its source and minute (see {@link Refusals}): the
     * login name is not kept (it may be personal data, or a password typed in the wrong field).
     */
    public static JournalEntry loginRefused(Instant at, RefusalKind kind) {
        JournalEntry entry = new JournalEntry(at, null, null, null, JournalAction.LOGIN_REFUSED, null, null, false);
        entry.detail = kind.name();
        return entry;
    }

    public static JournalEntry logout(Instant at, Actor who) {
        return new JournalEntry(at, who.id(), who.role(), who.team(), JournalAction.LOGOUT, null, null, true);
    }

    /** An administrator's change (an account, a team, a host system's key); target = what changed. */
    public static JournalEntry administration(Instant at, Actor who, JournalAction action, String target) {
        return new JournalEntry(at, who.id(), who.role(), who.team(), action, null, target, true);
    }

    /**
     * A consultation of the CAF/MSA for a dossier (with the person's consent): who, for which
     * interview, and the result code only ("FOUND", "NOT_FOUND", "UNAVAILABLE HTTP 502"…).
     */
    public static JournalEntry cafLookup(Instant at, Actor who, String dossier, String target, String result) {
        return caf(JournalAction.CAF_LOOKUP, at, who, dossier, target, result);
    }

    /** One request of that consultation to API Particulier: the endpoint and its answer ("prime_activite 404"). */
    public static JournalEntry cafCall(Instant at, Actor who, String dossier, String target, String call) {
        return caf(JournalAction.CAF_CALL, at, who, dossier, target, call);
    }

    private static JournalEntry caf(JournalAction action, Instant at, Actor who, String dossier, String target, String result) {
        JournalEntry entry = new JournalEntry(at, who.id(), who.role(), who.team(), action, dossier, target, true);
        entry.detail = result.length() > 32 ? result.substring(0, 32) : result;
        return entry;
    }

    /** The retention job anonymized a dossier; the actor is the system. */
    public static JournalEntry anonymized(Instant at, String dossier, String target) {
        return new JournalEntry(at, "system", null, null, JournalAction.RETENTION_ANONYMIZE, dossier, target, true);
    }

    /**
     * A dossier was erased at the person's request, on a coded {@code ground}. No target: the
     * diagnostics are gone, and naming them would only help link the pseudonym to them.
     */
    public static JournalEntry erased(Instant at, Actor who, String dossier, String ground) {
        JournalEntry entry = new JournalEntry(at, who.id(), who.role(), who.team(), JournalAction.CASE_ERASE, dossier,
                null, true);
        entry.detail = ground;
        return entry;
    }

    @PreUpdate
    @PreRemove
    void refuseChange() {
        throw new IllegalStateException("the journal only appends");
    }

    public Long id() {
        return id;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public JournalAction action() {
        return action;
    }

    public String dossier() {
        return dossier;
    }

    public String target() {
        return target;
    }

    public String actorRole() {
        return actorRole;
    }

    public String detail() {
        return detail;
    }

    public boolean allowed() {
        return allowed;
    }

    /** Who acted, as the journal records it: an id, a role and a team, nothing else. */
    public record Actor(String id, String role, String team) {
    }
}
