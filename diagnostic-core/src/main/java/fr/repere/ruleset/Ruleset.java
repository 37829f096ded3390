package fr.repere.ruleset;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A version of the orientation decision tables uploaded by an organisation (a department, a CCAS…).
 * Only a version that compiled and passed the completeness check is ever stored; its tables never
 * change afterwards (a change is a new version). Each organisation has its own versions, numbered
 * within it, and at most one active; activating one retires the other.
 */
@Entity
@Table(name = "ruleset")
@IdClass(Ruleset.Key.class)
public class Ruleset {

    public static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,31}");

    /** The primary key: a version number is unique within its organisation only. */
    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String organisation;
        private String version;

        public Key() {
            // for JPA
        }

        public Key(String organisation, String version) {
            this.organisation = organisation;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organisation, k.organisation) && Objects.equals(version, k.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisation, version);
        }
    }

    @Id
    @Column(name = "organisation_id", length = 36)
    private String organisation;

    @Id
    @Column(name = "version", length = 32)
    private String version;

    @Column(name = "description", length = 500)
    private String description;

    /** UTC. */
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "active", nullable = false)
    private boolean active;

    /** UTC; the last time it was made active. */
    @Column(name = "activated_at")
    private Instant activatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ruleset_file", joinColumns = {
            @JoinColumn(name = "organisation_id", referencedColumnName = "organisation_id"),
            @JoinColumn(name = "version", referencedColumnName = "version")})
    private List<RulesetFile> files = new ArrayList<>();

    protected Ruleset() {
        // for JPA
    }

    /** A checked ruleset of an organisation, not active yet. */
    static Ruleset checked(String organisation, String version, String description, Map<String, byte[]> tables, Instant now) {
        Ruleset r = new Ruleset();
        r.organisation = Objects.requireNonNull(organisation, "organisation");
        r.version = version;
        r.description = description;
        r.uploadedAt = utc(now);
        tables.forEach((name, content) -> r.files.add(new RulesetFile(name, content)));
        return r;
    }

    void activate(Instant now) {
        active = true;
        activatedAt = utc(now);
    }

    void retire() {
        active = false;
    }

    public String version() {
        return version;
    }

    public String organisation() {
        return organisation;
    }

    public String description() {
        return description;
    }

    public boolean active() {
        return active;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public Map<String, byte[]> tables() {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        files.forEach(f -> tables.put(f.name(), f.content()));
        return tables;
    }

    private static Instant utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
