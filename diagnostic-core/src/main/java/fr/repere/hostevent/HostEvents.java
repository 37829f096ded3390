package fr.repere.hostevent;

/**
 * The outbox the use cases write their events to, in the caller's transaction: a change that is
 * rolled back leaves no event. Publication order is given later, after commit
 * ({@link HostEventSequencer}).
 */
public interface HostEvents {

    /** Keeps the event, to be published once the caller's transaction commits. */
    void record(HostEvent event);

    /**
     * After an erasure or an anonymization: the events already kept on the dossier ({@code team},
     * {@code caseRef}) lose their subject, so that they name nothing but ids.
     */
    void forgetDossier(String team, String caseRef);
}
