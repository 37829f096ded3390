package fr.repere.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where the person of a diagnostic lives, as the codes of the time (commune, EPCI, département):
 * given by the worker when searching places, the last one kept, for statistics by territory.
 */
@Entity
@Table(name = "diagnostic_territory")
public class DiagnosticTerritory {

    @Id
    @Column(name = "diagnostic_id", length = 36)
    private String diagnosticId;
    @Column(name = "commune_code", length = 5, nullable = false)
    private String commune;
    @Column(name = "epci_code", length = 9)
    private String epci;
    @Column(name = "departement_code", length = 3, nullable = false)
    private String departement;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected DiagnosticTerritory() {
        // for JPA
    }

    public DiagnosticTerritory(String diagnosticId, Territory territory, Instant now) {
        this.diagnosticId = diagnosticId;
        moveTo(territory, now);
    }

    /** The person's territory given now replaces the one given before. */
    public void moveTo(Territory territory, Instant now) {
        if (!territory.equals(territory())) {
            commune = territory.commune();
            epci = territory.epci();
            departement = territory.departement();
            recordedAt = now.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    public Territory territory() {
        return commune == null ? null : new Territory(commune, epci, departement);
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
