package fr.repere.caf;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The CAF consultation use cases over {@link CafConsultations}: open with the person's consent, close
 * once with the source's answer (or, past the deadline, as lost), read what is in force, and record
 * what the orientation used when the interview is completed.
 */
@ApplicationScoped
public class CafConsulting {

    /** Why a consultation still pending past its deadline is closed by the sweep. */
    public static final String LOST = "consultation interrompue sans réponse (délai dépassé)";

    private CafConsultations consultations;
    private Clock clock;

    /** For CDI's proxy. */
    protected CafConsulting() {
    }

    @Inject
    public CafConsulting(CafConsultations consultations, Clock clock) {
        this.consultations = Objects.requireNonNull(consultations, "consultations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CafConsultation open(String interview, String team, String agent) {
        CafConsultation consultation = CafConsultation.consented(interview, team, agent, clock.instant());
        consultations.add(consultation);
        return consultation;
    }

    /** Closes the consultation with the source's answer; empty if it was already closed (a late answer is dropped). */
    public Optional<CafConsultation> close(String id, CafLookup lookup) {
        return consultations.lock(id).filter(c -> c.complete(lookup, clock.instant()));
    }

    /** Ids of consultations left pending past {@code deadline} (their node died, their task was lost). */
    public List<String> overdue(Duration deadline, int limit) {
        return consultations.pendingSince(clock.instant().minus(deadline), limit);
    }

    /** Closes it as lost if it is (still) pending past {@code deadline}; empty otherwise. */
    public Optional<CafConsultation> closeIfOverdue(String id, Duration deadline) {
        Instant now = clock.instant();
        return consultations.lock(id).filter(c -> c.overdue(now, deadline))
                .filter(c -> c.complete(new CafLookup.Unavailable(CafLookup.Failure.INTERNAL, LOST, null), now));
    }

    public CafAnswers answers(String interview) {
        return consultations.ofInterview(interview);
    }

    /** The interview is being completed: what the rules learn from the CAF, recorded on its consultations. */
    public Set<String> useInOrientation(String interview) {
        return consultations.ofInterview(interview).useInOrientation();
    }
}
