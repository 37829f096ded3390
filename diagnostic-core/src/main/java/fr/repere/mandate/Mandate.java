package fr.repere.mandate;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A mandate (Aidants Connect model): the person authorises the <em>organisation</em> — not one
 * worker — to carry out démarches of some categories on their behalf, for a fixed
 * {@linkplain MandateDuration duration}. Consent is the person's signature on a printed
 * attestation.
 *
 * <p>Life cycle: {@link #prepare} (the attestation can be printed, nothing is authorised yet) →
 * {@link #sign} (the signed attestation is in hand: one autorisation per category comes into force
 * and the duration starts) → each autorisation {@linkplain #revoke(DemarcheCategory, String,
 * Instant) revoked} on its own, or {@linkplain #revokeAll all at once}; the mandate is
 * {@linkplain #isActive active} while signed, not expired and at least one autorisation is not
 * revoked. Every step is appended to the mandate journal, which nothing changes.
 *
 * <p>Repère never stores the person's passwords or login details: the mandate says what the
 * organisation may do, not how it logs in.
 */
@Entity
@Table(name = "mandate")
public class Mandate {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Id
    @Column(name = "id", length = 36)
    private String id;

    /** The mandate holder. */
    @Column(name = "organisation_id", length = 36, nullable = false, updatable = false)
    private String organisation;

    /** The team whose dossier it is; only its agents see the mandate. */
    @Column(name = "team_id", length = 36, nullable = false, updatable = false)
    private String team;

    @Column(name = "case_ref", length = 64, nullable = false, updatable = false)
    private String caseRef;

    /** The diagnostic that led to it, if any. */
    @Column(name = "diagnostic_id", length = 36)
    private String diagnosticId;

    @Column(name = "created_by", length = 36, nullable = false, updatable = false)
    private String createdBy;

    /** UTC. */
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "duration", length = 16, nullable = false, updatable = false)
    private MandateDuration duration;

    /** UTC; when the signed attestation was recorded. */
    @Column(name = "signed_at")
    private Instant signedAt;

    /** UTC; signedAt + the duration. */
    @Column(name = "expires_at")
    private Instant expiresAt;

    /** SHA-256 (hex) of the scanned signed attestation, if given; the scan itself is not kept. */
    @Column(name = "attestation_sha256", length = 64)
    private String attestationSha256;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "mandate_autorisation", joinColumns = @JoinColumn(name = "mandate_id"))
    private List<Autorisation> autorisations = new ArrayList<>();

    @OneToMany(mappedBy = "mandate", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("seq ASC")
    private List<MandateEvent> journal = new ArrayList<>();

    protected Mandate() {
        // for JPA
    }

    /** A mandate awaiting the person's signature; its attestation can be printed. */
    public static Mandate prepare(MandateId id, String organisation, String team, String caseRef, String diagnosticId,
                                  Set<DemarcheCategory> categories, MandateDuration duration, String agent,
                                  Instant now) {
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("a mandate authorises at least one démarche category");
        }
        Mandate m = new Mandate();
        m.id = id.value();
        m.organisation = Objects.requireNonNull(organisation, "organisation");
        m.team = Objects.requireNonNull(team, "team");
        m.caseRef = Objects.requireNonNull(caseRef, "caseRef");
        m.diagnosticId = diagnosticId;
        m.duration = Objects.requireNonNull(duration, "duration");
        m.createdBy = Objects.requireNonNull(agent, "agent");
        m.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        EnumSet.copyOf(categories).forEach(c -> m.autorisations.add(new Autorisation(c)));
        m.log(now, MandateAction.CREATE_ATTESTATION, null, agent);
        return m;
    }

    /**
     * The person signed the printed attestation: the autorisations come into force and the
     * duration starts now. {@code attestationSha256}, if given, is the SHA-256 (lowercase hex) of
     * the scanned signed copy.
     */
    public void sign(String agent, String attestationSha256, Instant now) {
        if (signedAt != null) {
            throw new MandateRefusedException(MandateRefusedException.Why.ALREADY_SIGNED);
        }
        if (autorisations.stream().allMatch(Autorisation::isRevoked)) {
            throw new MandateRefusedException(MandateRefusedException.Why.REVOKED);
        }
        if (attestationSha256 != null && !SHA256.matcher(attestationSha256).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256");
        }
        this.attestationSha256 = attestationSha256;
        signedAt = now.truncatedTo(ChronoUnit.MILLIS);
        expiresAt = signedAt.plus(duration.days(), ChronoUnit.DAYS);
        autorisations.forEach(a -> log(now, MandateAction.CREATE_AUTORISATION, a.category(), agent));
    }

    /** Records that the organisation used the mandate for a démarche of this category. */
    public void use(DemarcheCategory category, String agent, Instant now) {
        Autorisation a = inForce(category, now);
        log(now, MandateAction.USE_AUTORISATION, a.category(), agent);
    }

    /** Revokes one autorisation; the others stay. */
    public void revoke(DemarcheCategory category, String agent, Instant now) {
        Autorisation a = inForce(category, now);
        a.revoke(agent, now.truncatedTo(ChronoUnit.MILLIS));
        log(now, MandateAction.CANCEL_AUTORISATION, category, agent);
    }

    /** Revokes the whole mandate: every autorisation still in force (also before signature). */
    public void revokeAll(String agent, Instant now) {
        MandateStatus status = status(now);
        if (status == MandateStatus.EXPIRED) {
            throw new MandateRefusedException(MandateRefusedException.Why.EXPIRED);
        }
        if (status == MandateStatus.REVOKED) {
            throw new MandateRefusedException(MandateRefusedException.Why.REVOKED);
        }
        autorisations.stream().filter(a -> !a.isRevoked()).forEach(a -> {
            a.revoke(agent, now.truncatedTo(ChronoUnit.MILLIS));
            if (signedAt != null) {
                log(now, MandateAction.CANCEL_AUTORISATION, a.category(), agent);
            }
        });
        log(now, MandateAction.CANCEL_MANDAT, null, agent);
    }

    private Autorisation inForce(DemarcheCategory category, Instant now) {
        MandateStatus status = status(now);
        if (status == MandateStatus.AWAITING_SIGNATURE) {
            throw new MandateRefusedException(MandateRefusedException.Why.NOT_SIGNED);
        }
        if (status == MandateStatus.EXPIRED) {
            throw new MandateRefusedException(MandateRefusedException.Why.EXPIRED);
        }
        Autorisation a = autorisations.stream().filter(x -> x.category() == category).findFirst()
                .orElseThrow(() -> new MandateRefusedException(MandateRefusedException.Why.CATEGORY_NOT_AUTHORISED));
        if (a.isRevoked()) {
            throw new MandateRefusedException(MandateRefusedException.Why.CATEGORY_REVOKED);
        }
        return a;
    }

    private void log(Instant at, MandateAction action, DemarcheCategory category, String agent) {
        journal.add(new MandateEvent(this, journal.size(), at, action, category, agent));
    }

    /** Signed, not expired, and at least one autorisation not revoked. */
    public boolean isActive(Instant now) {
        return status(now) == MandateStatus.ACTIVE;
    }

    public MandateStatus status(Instant now) {
        if (autorisations.stream().allMatch(Autorisation::isRevoked)) {
            return MandateStatus.REVOKED;
        }
        if (signedAt == null) {
            return MandateStatus.AWAITING_SIGNATURE;
        }
        return now.isBefore(expiresAt) ? MandateStatus.ACTIVE : MandateStatus.EXPIRED;
    }

    /** The categories still in force (not revoked), whatever the date. */
    public Set<DemarcheCategory> categoriesInForce() {
        Set<DemarcheCategory> in = EnumSet.noneOf(DemarcheCategory.class);
        autorisations.stream().filter(a -> !a.isRevoked()).forEach(a -> in.add(a.category()));
        return in;
    }

    public MandateId id() {
        return new MandateId(id);
    }

    public String organisation() {
        return organisation;
    }

    public String team() {
        return team;
    }

    public boolean belongsTo(String otherTeam) {
        return team.equals(otherTeam);
    }

    public String caseRef() {
        return caseRef;
    }

    public Optional<String> diagnosticId() {
        return Optional.ofNullable(diagnosticId);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public MandateDuration duration() {
        return duration;
    }

    public Optional<Instant> signedAt() {
        return Optional.ofNullable(signedAt);
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<String> attestationSha256() {
        return Optional.ofNullable(attestationSha256);
    }

    public List<Autorisation> autorisations() {
        return Collections.unmodifiableList(autorisations);
    }

    public List<MandateEvent> journal() {
        return Collections.unmodifiableList(journal);
    }
}
