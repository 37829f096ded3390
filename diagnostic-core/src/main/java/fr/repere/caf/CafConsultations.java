package fr.repere.caf;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where CAF consultations are kept (port; MariaDB in {@code fr.repere.infrastructure}). */
public interface CafConsultations {

    void add(CafConsultation consultation);

    /** The consultation, locked until the end of the transaction: it is closed once, by one node. */
    Optional<CafConsultation> lock(String id);

    /** Every consultation of the interview (a draft, then the diagnostic of the same id). */
    CafAnswers ofInterview(String interview);

    /** The consultations of these interviews, oldest first: a dossier's, for the person's copy. */
    List<CafConsultation> ofInterviews(Collection<String> interviews);

    /** Ids of at most {@code limit} consultations still pending that were consented before {@code before}. */
    List<String> pendingSince(Instant before, int limit);

    /** Deletes the consultations of these interviews (erased, abandoned or anonymized). */
    void removeOfInterviews(Collection<String> interviews);
}
