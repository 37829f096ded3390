package fr.repere.mandate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;
import java.util.Optional;

/** One démarche category a mandate authorises; revocable on its own. */
@Embeddable
public class Autorisation {

    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 16, nullable = false)
    private DemarcheCategory category;

    /** UTC; null while in force. */
    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 36)
    private String revokedBy;

    protected Autorisation() {
        // for JPA
    }

    Autorisation(DemarcheCategory category) {
        this.category = category;
    }

    void revoke(String agent, Instant now) {
        revokedAt = now;
        revokedBy = agent;
    }

    public DemarcheCategory category() {
        return category;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }
}
