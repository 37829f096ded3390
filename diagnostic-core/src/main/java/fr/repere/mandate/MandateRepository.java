package fr.repere.mandate;

import java.util.List;
import java.util.Optional;

/** Where mandates are kept. */
public interface MandateRepository {

    void store(Mandate mandate);

    Optional<Mandate> find(MandateId id);

    /** The mandates of a dossier (team + case reference), newest first. */
    List<Mandate> ofDossier(String team, String caseRef);

    /** Writes what is pending now, so that a refused write fails here rather than at commit. */
    default void flush() {
        // nothing to write ahead for a store without a persistence context
    }
}
