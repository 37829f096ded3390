package fr.repere.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The key with which a host system (the case-management software that embeds Repère) calls the
 * API for one organisation. The key reads {@code rpk_<id>_<secret>}; only the SHA-256 of the
 * secret is stored (the secret is 256 random bits, so a slow hash adds nothing), and the key is
 * shown once, when issued. A revoked key stays listed, unusable. A key may be restricted to some
 * teams of its organisation (fixed when issued): it then never reads another team's dossiers.
 */
@Entity
@Table(name = "host_credential")
public class HostCredential {

    public static final String PREFIX = "rpk_";
    public static final int MAX_LABEL = 120;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "organisation_id", length = 36, nullable = false, updatable = false)
    private String organisation;

    @Column(name = "label", length = MAX_LABEL, nullable = false)
    private String label;

    @Column(name = "secret_sha256", length = 64, nullable = false, updatable = false)
    private String secretSha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 36, nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** The teams the key is restricted to; none: every team of its organisation. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "host_credential_team", joinColumns = @JoinColumn(name = "credential_id"))
    @Column(name = "team_id", length = 36, nullable = false)
    private Set<String> teams = new TreeSet<>();

    /** A new credential and its key, which nobody can read again once this is dropped. */
    public record Issued(HostCredential credential, String key) {
    }

    /** A key split into the credential id it names and its secret; empty if it is not a key's shape. */
    public record Presented(String id, String secret) {
        public static Optional<Presented> parse(String key) {
            if (key == null || !key.startsWith(PREFIX) || key.length() > 200) {
                return Optional.empty();
            }
            String rest = key.substring(PREFIX.length());
            int separator = rest.indexOf('_');
            return separator != 36 ? Optional.empty() : Optional.of(new Presented(rest.substring(0, 36), rest.substring(37)));
        }
    }

    protected HostCredential() {
        // for JPA
    }

    /** A key for every team of the organisation. */
    public static Issued issue(String organisation, String label, String issuedBy, Instant now) {
        return issue(organisation, label, Set.of(), issuedBy, now);
    }

    /**
     * A key restricted to these teams (the caller checked they are the organisation's); an empty
     * set: every team of the organisation.
     */
    public static Issued issue(String organisation, String label, Collection<String> teams, String issuedBy, Instant now) {
        HostCredential c = new HostCredential();
        c.teams = new TreeSet<>(Objects.requireNonNull(teams, "teams"));
        c.id = UUID.randomUUID().toString();
        c.organisation = Objects.requireNonNull(organisation, "organisation");
        c.label = Objects.requireNonNull(label, "label").strip();
        if (c.label.isEmpty() || c.label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("label must have 1 to " + MAX_LABEL + " characters");
        }
        c.createdBy = Objects.requireNonNull(issuedBy, "issuedBy");
        c.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).replace('_', '-');
        c.secretSha256 = sha256(secretText);
        return new Issued(c, PREFIX + c.id + "_" + secretText);
    }

    /** Whether a presented secret is this credential's, and the credential still in force. */
    public boolean accepts(String secret) {
        return revokedAt == null && MessageDigest.isEqual(secretSha256.getBytes(StandardCharsets.US_ASCII),
                sha256(secret).getBytes(StandardCharsets.US_ASCII));
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    public String id() {
        return id;
    }

    public String organisation() {
        return organisation;
    }

    public String label() {
        return label;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The teams the key is restricted to, in id order; empty: not restricted. */
    public List<String> teams() {
        return List.copyOf(new TreeSet<>(teams));
    }

    /**
     * Of the organisation's teams, those whose dossiers the key reads: all of them, or those of its
     * restriction (a restricted team that left the organisation is not read).
     */
    public List<String> readableAmong(Collection<String> organisationTeams) {
        return readableAmong(teams, organisationTeams);
    }

    /** The same rule, for a restriction read earlier (an empty restriction: every team). */
    public static List<String> readableAmong(Collection<String> restriction, Collection<String> organisationTeams) {
        return organisationTeams.stream().filter(t -> restriction.isEmpty() || restriction.contains(t)).toList();
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
