package fr.repere.caf;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The CAF consultations of one interview. The answer in force is the latest <em>informative</em>
 * one (found, or no file): a second consultation that fails, or is still waiting, does not wipe out
 * what the CAF already said.
 */
public final class CafAnswers {

    private final List<CafConsultation> newestFirst;

    public CafAnswers(List<CafConsultation> consultations) {
        this.newestFirst = consultations.stream()
                .sorted(Comparator.comparing(CafConsultation::consentedAt).thenComparing(CafConsultation::id).reversed())
                .toList();
    }

    public boolean isEmpty() {
        return newestFirst.isEmpty();
    }

    /** The most recent consultation, whatever its state. */
    public Optional<CafConsultation> latest() {
        return newestFirst.stream().findFirst();
    }

    /** The latest informative answer, else the latest consultation. */
    public Optional<CafConsultation> inForce() {
        return newestFirst.stream().filter(CafConsultation::informative).findFirst().or(this::latest);
    }

    /**
     * The interview is completed now: the answer in force, if informative, is used by the
     * orientation and every other consultation is recorded as not used. Gives what the rules learn.
     * Recorded once: asked again, it gives what was used then.
     */
    public Set<String> useInOrientation() {
        if (newestFirst.stream().anyMatch(c -> c.inOrientation().isPresent())) {
            return newestFirst.stream().filter(c -> c.inOrientation().equals(Optional.of(CafConsultation.Use.USED)))
                    .findFirst().map(CafConsultation::contextFlags).orElse(Set.of());
        }
        Optional<CafConsultation> used = newestFirst.stream().filter(CafConsultation::informative).findFirst();
        newestFirst.forEach(c -> c.recordUse(used.isPresent() && used.get() == c));
        return used.map(CafConsultation::contextFlags).orElse(Set.of());
    }
}
