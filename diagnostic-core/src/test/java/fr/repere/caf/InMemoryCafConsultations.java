package fr.repere.caf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@link CafConsultations} over a list, for tests. */
public final class InMemoryCafConsultations implements CafConsultations {

    public final List<CafConsultation> all = new ArrayList<>();

    @Override
    public void add(CafConsultation consultation) {
        all.add(consultation);
    }

    @Override
    public Optional<CafConsultation> lock(String id) {
        return all.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public CafAnswers ofInterview(String interview) {
        return new CafAnswers(all.stream().filter(c -> c.interview().equals(interview)).toList());
    }

    @Override
    public List<CafConsultation> ofInterviews(Collection<String> interviews) {
        return all.stream().filter(c -> interviews.contains(c.interview())).toList();
    }

    @Override
    public List<String> pendingSince(Instant before, int limit) {
        return all.stream().filter(c -> c.status() == CafConsultation.Status.PENDING && c.consentedAt().isBefore(before))
                .limit(limit).map(CafConsultation::id).toList();
    }

    @Override
    public void removeOfInterviews(Collection<String> interviews) {
        all.removeIf(c -> interviews.contains(c.interview()));
    }
}
