package fr.repere.referral;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.directory.LieuService;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A referral (orientation) of a person, from one of their diagnostics, to a real place — Dora's
 * lifecycle. Made {@linkplain ReferralStatus#OPEN open} with a {@linkplain PlaceSnapshot snapshot}
 * of the place for the slip. The worker then records the place's answer ({@link #accept},
 * {@link #refuse} with a reason) and whether the person went ({@link #complete}). Without an
 * answer, the worker is reminded after {@link #REMINDER_AFTER} ({@link #remindIfDue}) and the
 * referral expires after {@link #EXPIRY_AFTER} ({@link #expireIfDue}).
 *
 * <p>Invariants: every status change goes through {@link #moveTo}, which refuses what
 * {@link ReferralStatus#next()} does not allow and appends a line to the history; the history is
 * never changed; a refused referral has its reason; the reminder is sent once.
 */
@Entity
@Table(name = "referral")
public class Referral {

    /** Dora reminds after 10 days without an answer: the one definition, which every text quotes. */
    public static final int REMINDER_DAYS = 10;
    public static final Duration REMINDER_AFTER = Duration.ofDays(REMINDER_DAYS);
    /** Dora expires an orientation after 30 days without an answer. */
    public static final int EXPIRY_DAYS = 30;
    public static final Duration EXPIRY_AFTER = Duration.ofDays(EXPIRY_DAYS);
    public static final int MAX_REASON = 1000;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "diagnostic_id", length = 36, nullable = false, updatable = false)
    private String diagnosticId;

    /** The team whose dossier it is; only its agents may see the referral. */
    @Column(name = "team_id", length = 36, nullable = false, updatable = false)
    private String team;

    /** The agent who made it: the one reminded. */
    @Column(name = "created_by", length = 36, nullable = false, updatable = false)
    private String createdBy;

    /** UTC. */
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** The need it answers, when the worker says which. */
    @Enumerated(EnumType.STRING)
    @Column(name = "service", length = 32, updatable = false)
    private LieuService service;

    @Embedded
    private PlaceSnapshot place;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private ReferralStatus status;

    /** UTC. */
    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Column(name = "refusal_reason", length = MAX_REASON)
    private String refusalReason;

    /** UTC; set when the worker was reminded. */
    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    @OneToMany(mappedBy = "referral", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("id ASC")
    private List<ReferralEvent> history = new ArrayList<>();

    protected Referral() {
        // for JPA
    }

    /** A new, open referral, made by an agent of the diagnostic's team. */
    public static Referral make(ReferralId id, DiagnosticId diagnostic, String team, String agent, LieuService service,
                                PlaceSnapshot place, Instant now) {
        Referral r = new Referral();
        r.id = id.value();
        r.diagnosticId = diagnostic.value();
        r.team = Objects.requireNonNull(team, "team");
        r.createdBy = Objects.requireNonNull(agent, "agent");
        r.service = service;
        r.place = Objects.requireNonNull(place, "place");
        r.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        r.status = ReferralStatus.OPEN;
        r.statusChangedAt = r.createdAt;
        r.history.add(new ReferralEvent(r, now, ReferralEvent.Kind.STATUS, null, ReferralStatus.OPEN, agent, null));
        return r;
    }

    /** The place said yes. */
    public void accept(String agent, Instant now) {
        moveTo(ReferralStatus.ACCEPTED, agent, null, now);
    }

    /** The place said no; the reason is required (the team lead reads it). */
    public void refuse(String agent, String reason, Instant now) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new RefusalWithoutReasonException();
        }
        if (why.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason longer than " + MAX_REASON);
        }
        moveTo(ReferralStatus.REFUSED, agent, why, now);
        refusalReason = why;
    }

    /** The person went to the place. */
    public void complete(String agent, Instant now) {
        moveTo(ReferralStatus.COMPLETED, agent, null, now);
    }

    /** Expires the referral if it got no answer within {@link #EXPIRY_AFTER}; true if it did. */
    public boolean expireIfDue(Instant now) {
        if (status != ReferralStatus.OPEN || now.isBefore(expiresAt())) {
            return false;
        }
        moveTo(ReferralStatus.EXPIRED, ReferralEvent.SYSTEM, null, now);
        return true;
    }

    /**
     * Reminds the worker once, if the referral is still unanswered after {@link #REMINDER_AFTER} and
     * not yet due for expiry; true if it did.
     */
    public boolean remindIfDue(Instant now) {
        if (status != ReferralStatus.OPEN || remindedAt != null || now.isBefore(remindAt()) || !now.isBefore(expiresAt())) {
            // not yet, already done, or too late: a referral due for expiry is expired, not reminded
            return false;
        }
        remindedAt = now.truncatedTo(ChronoUnit.MILLIS);
        history.add(new ReferralEvent(this, now, ReferralEvent.Kind.REMINDER, status, status, ReferralEvent.SYSTEM, null));
        return true;
    }

    /** The one way a status changes: checked against the lifecycle, and written to the history. */
    private void moveTo(ReferralStatus next, String actor, String reason, Instant now) {
        if (!status.next().contains(next)) {
            throw new ForbiddenTransitionException(status, next);
        }
        history.add(new ReferralEvent(this, now, ReferralEvent.Kind.STATUS, status, next, actor, reason));
        status = next;
        statusChangedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Open and unanswered for more than the reminder delay: what a team lead sees as "waiting". */
    public boolean isWaitingTooLong(Instant now) {
        return status == ReferralStatus.OPEN && !now.isBefore(remindAt());
    }

    public Instant remindAt() {
        return createdAt.plus(REMINDER_AFTER);
    }

    public Instant expiresAt() {
        return createdAt.plus(EXPIRY_AFTER);
    }

    public ReferralId id() {
        return new ReferralId(id);
    }

    public DiagnosticId diagnosticId() {
        return new DiagnosticId(diagnosticId);
    }

    public boolean belongsTo(String otherTeam) {
        return team.equals(otherTeam);
    }

    public String team() {
        return team;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<LieuService> service() {
        return Optional.ofNullable(service);
    }

    public PlaceSnapshot place() {
        return place;
    }

    public ReferralStatus status() {
        return status;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    public Optional<String> refusalReason() {
        return Optional.ofNullable(refusalReason);
    }

    public Optional<Instant> remindedAt() {
        return Optional.ofNullable(remindedAt);
    }

    /**
     * Oldest first: stored lines by their number, then the lines added since (a stable sort), whatever
     * order a query that fetched them with the referral returned them in.
     */
    public List<ReferralEvent> history() {
        List<ReferralEvent> inOrder = new ArrayList<>(history);
        inOrder.sort(Comparator.comparing(ReferralEvent::number, Comparator.nullsLast(Comparator.naturalOrder())));
        return Collections.unmodifiableList(inOrder);
    }
}
