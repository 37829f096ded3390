package fr.repere.directory;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.DirectoryNeed;
import fr.repere.territory.Territory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/**
 * A need of a diagnostic that no place of the person's territory (commune, EPCI, département)
 * could meet when the worker searched: which service and specific care, where (codes of the
 * territory), which team, when. Nothing about the person. Recorded once per diagnostic and need
 * ({@link #key}); it stays even if places appear later, since it was unmet then.
 */
@Entity
@Table(name = "unmet_need")
public class UnmetNeed {

    @Id
    @Column(name = "id", length = 36)
    private String id;
    /** Null once the diagnostic is erased: the count stays for the team lead and statistics. */
    @Column(name = "diagnostic_id", length = 36)
    private String diagnosticId;
    @Column(name = "need_key", length = 255, nullable = false)
    private String needKey;
    @Enumerated(EnumType.STRING)
    @Column(name = "service", length = 32, nullable = false)
    private LieuService service;
    @Column(name = "prise_en_charge", length = 255, nullable = false)
    private String priseEnCharge;
    @Column(name = "team_id", length = 36, nullable = false)
    private String team;
    @Column(name = "commune_code", length = 5, nullable = false)
    private String commune;
    @Column(name = "epci_code", length = 9)
    private String epci;
    @Column(name = "departement_code", length = 3, nullable = false)
    private String departement;
    /** UTC. */
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected UnmetNeed() {
        // for JPA
    }

    public static UnmetNeed record(DiagnosticId diagnostic, String team, DirectoryNeed need, Territory where, Instant now) {
        UnmetNeed u = new UnmetNeed();
        u.id = UUID.randomUUID().toString();
        u.diagnosticId = diagnostic.value();
        u.needKey = key(need);
        u.service = need.service();
        u.priseEnCharge = Vocabulary.codes(need.priseEnCharge());
        u.team = team;
        u.commune = where.commune();
        u.epci = where.epci();
        u.departement = where.departement();
        u.recordedAt = now.truncatedTo(ChronoUnit.MILLIS);
        return u;
    }

    /** What makes two needs the same: the service and the specific care. */
    public static String key(DirectoryNeed need) {
        return need.service().name() + "/" + Vocabulary.codes(need.priseEnCharge());
    }

    public String diagnosticId() {
        return diagnosticId;
    }

    public LieuService service() {
        return service;
    }

    public Set<PriseEnChargeSpecifique> priseEnCharge() {
        return Vocabulary.ofCodes(PriseEnChargeSpecifique.class, priseEnCharge);
    }

    public Territory territory() {
        return new Territory(commune, epci, departement);
    }

    public String team() {
        return team;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
