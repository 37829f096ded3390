package fr.repere.caf;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One consultation of the CAF/MSA for an interview: opened only with the person's consent
 * (recorded first, with who and when), then closed once with what the source said, reduced to what
 * the rule base reads: whether the person receives the RSA or the prime d'activité, and so has
 * quarterly declarations to make online. Neither the identity sent nor anything else the source
 * knows is kept. When the interview is completed, the consultation records whether the orientation
 * used it, so that the worker is told the truth later, on any screen.
 */
@Entity
@Table(name = "caf_consultation")
public class CafConsultation {

    /** Flags the rule base reads when the person has quarterly declarations (a recurring pending procedure). */
    public static final Set<String> QUARTERLY_FLAGS = Set.of("PENDING_PROCEDURE", "QUARTERLY_DECLARATION");

    public enum Status { PENDING, FOUND, NOT_FOUND, UNAVAILABLE }

    /** Whether the completed interview's orientation took this consultation into account. */
    public enum Use { USED, NOT_USED }

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

    @Enumerated(EnumType.STRING)
    @Column(name = "failure", length = 24)
    private CafLookup.Failure failure;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "in_orientation", length = 8)
    private Use inOrientation;

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

    /**
     * What the source answered, minimised. A consultation is closed once: a later answer (after the
     * sweep closed it, say) changes nothing and gives false.
     */
    public boolean complete(CafLookup lookup, Instant at) {
        Objects.requireNonNull(lookup, "lookup");
        if (status != Status.PENDING) {
            return false;
        }
        if (lookup instanceof CafLookup.Found found) {
            status = Status.FOUND;
            rsa = found.situation().rsa();
            primeActivite = found.situation().primeActivite();
            quarterlyDeclarations = found.situation().hasQuarterlyDeclarations();
        } else if (lookup instanceof CafLookup.Unavailable unavailable) {
            status = Status.UNAVAILABLE;
            failure = unavailable.failure();
            reason = unavailable.reason();
        } else {
            status = Status.NOT_FOUND;
        }
        completedAt = at.truncatedTo(ChronoUnit.MILLIS);
        return true;
    }

    /** Whether it is still pending past {@code deadline} after the consent: the background call was lost. */
    public boolean overdue(Instant now, Duration deadline) {
        return status == Status.PENDING && consentedAt.plus(deadline).isBefore(now);
    }

    /** Whether the source answered about the person (found or no file), as opposed to a failure or a wait. */
    public boolean informative() {
        return status == Status.FOUND || status == Status.NOT_FOUND;
    }

    /** The interview was completed: records whether its orientation used this consultation. Once. */
    void recordUse(boolean used) {
        if (inOrientation == null) {
            inOrientation = used ? Use.USED : Use.NOT_USED;
        }
    }

    /** What the rule base learns from this consultation: quarterly declarations are a pending procedure. */
    public Set<String> contextFlags() {
        return Boolean.TRUE.equals(quarterlyDeclarations) ? QUARTERLY_FLAGS : Set.of();
    }

    /** In the worker's words: what the source said, and whether the orientation used it. */
    public String message() {
        return switch (status) {
            case PENDING -> inOrientation == null
                    ? "Interrogation de la CAF en cours… Vous pouvez continuer l'entretien."
                    : "Interrogation de la CAF en cours, mais l'entretien est déjà terminé : la réponse ne sera pas prise en compte "
                    + "dans l'orientation.";
            case NOT_FOUND -> "Aucun dossier trouvé à la CAF ni à la MSA pour cette identité.";
            case UNAVAILABLE -> CafFailureWording.of(failure);
            case FOUND -> found();
        };
    }

    private String found() {
        if (!Boolean.TRUE.equals(quarterlyDeclarations)) {
            return "Dossier trouvé, sans RSA ni prime d'activité : pas de déclaration trimestrielle.";
        }
        String known = "Dossier trouvé : " + benefits() + ". Déclarations trimestrielles en ligne à faire : c'est une démarche récurrente";
        if (inOrientation == null) {
            return known + ", qui sera prise en compte dans l'orientation à la fin de l'entretien.";
        }
        return inOrientation == Use.USED
                ? known + ", prise en compte dans l'orientation."
                : known + ". La réponse est arrivée après la fin de l'entretien : elle n'a pas été prise en compte dans l'orientation.";
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

    public String consentedBy() {
        return consentedBy;
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    public Optional<CafLookup.Failure> failure() {
        return Optional.ofNullable(failure);
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

    /** Empty while the interview goes on. */
    public Optional<Use> inOrientation() {
        return Optional.ofNullable(inOrientation);
    }
}
