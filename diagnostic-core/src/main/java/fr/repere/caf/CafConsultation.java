package fr.repere.caf;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One consultation of the CAF/MSA for an interview: opened only with the person's consent
 * (recorded first, with who and when), then completed with what the source said, reduced to what
 * the rule base uses: whether the person receives the RSA or the prime d'activité, and so has
 * quarterly declarations to make online. Neither the identity sent nor the quotient familial is
 * kept.
 */
@Entity
@Table(name = "caf_consultation")
public class CafConsultation {

    /** Flags the rule base reads when the person has quarterly declarations (a recurring pending procedure). */
    public static final Set<String> QUARTERLY_FLAGS = Set.of("PENDING_PROCEDURE", "QUARTERLY_DECLARATION");

    public enum Status { PENDING, FOUND, NOT_FOUND, UNAVAILABLE }

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "interview_id", length = 36, nullable = false, updatable = false)
    private String interview;

    @Column(name = "team_id", length = 36, nullable = false, updatable = false)
    private String team;

    @Column(name = "consented_at", nullable = false, updatable = false)
    private Instant consentedAt;

    @Column(name = "consented_by", length = 36, nullable = false, updatable = false)
    private String consentedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private Status status;

    @Column(name = "rsa")
    private Boolean rsa;

    @Column(name = "prime_activite")
    private Boolean primeActivite;

    @Column(name = "quarterly_declarations")
    private Boolean quarterlyDeclarations;

    @Column(name = "reason", length = 400)
    private String reason;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected CafConsultation() {
        // for JPA
    }

    /** The person agreed, the worker recorded it: the consultation may start. */
    public static CafConsultation consented(String interview, String team, String agent, Instant at) {
        CafConsultation c = new CafConsultation();
        c.id = UUID.randomUUID().toString();
        c.interview = Objects.requireNonNull(interview, "interview");
        c.team = Objects.requireNonNull(team, "team");
        c.consentedBy = Objects.requireNonNull(agent, "agent");
        c.consentedAt = at.truncatedTo(ChronoUnit.MILLIS);
        c.status = Status.PENDING;
        return c;
    }

    /** What the source answered, minimised. A consultation is completed once. */
    public void complete(CafLookup lookup, Instant at) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("consultation " + id + " already completed");
        }
        if (lookup instanceof CafLookup.Found found) {
            status = Status.FOUND;
            rsa = found.situation().rsa().beneficiary();
            primeActivite = found.situation().primeActivite().beneficiary();
            quarterlyDeclarations = found.situation().hasQuarterlyDeclarations();
        } else if (lookup instanceof CafLookup.Unavailable unavailable) {
            status = Status.UNAVAILABLE;
            reason = unavailable.reason().length() > 400 ? unavailable.reason().substring(0, 400) : unavailable.reason();
        } else {
            status = Status.NOT_FOUND;
        }
        completedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** What the rule base learns from this consultation: quarterly declarations are a pending procedure. */
    public Set<String> contextFlags() {
        return Boolean.TRUE.equals(quarterlyDeclarations) ? QUARTERLY_FLAGS : Set.of();
    }

    /** In the worker's words. */
    public String message() {
        return switch (status) {
            case PENDING -> "Interrogation de la CAF en cours… Vous pouvez continuer l'entretien.";
            case NOT_FOUND -> "Aucun dossier trouvé à la CAF ni à la MSA pour cette identité.";
            case UNAVAILABLE -> "La CAF n'a pas pu répondre pour l'instant : continuez sans ces informations.";
            case FOUND -> Boolean.TRUE.equals(quarterlyDeclarations)
                    ? "Dossier trouvé : " + benefits() + ". Déclarations trimestrielles en ligne à faire : c'est une démarche "
                    + "récurrente, prise en compte dans l'orientation."
                    : "Dossier trouvé, sans RSA ni prime d'activité : pas de déclaration trimestrielle.";
        };
    }

    private String benefits() {
        if (Boolean.TRUE.equals(rsa) && Boolean.TRUE.equals(primeActivite)) {
            return "bénéficiaire du RSA et de la prime d'activité";
        }
        return Boolean.TRUE.equals(rsa) ? "bénéficiaire du RSA" : "bénéficiaire de la prime d'activité";
    }

    public String id() {
        return id;
    }

    public String interview() {
        return interview;
    }

    public String team() {
        return team;
    }

    public Status status() {
        return status;
    }

    public Instant consentedAt() {
        return consentedAt;
    }

    public Optional<Boolean> rsa() {
        return Optional.ofNullable(rsa);
    }

    public Optional<Boolean> primeActivite() {
        return Optional.ofNullable(primeActivite);
    }

    public Optional<Boolean> quarterlyDeclarations() {
        return Optional.ofNullable(quarterlyDeclarations);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
