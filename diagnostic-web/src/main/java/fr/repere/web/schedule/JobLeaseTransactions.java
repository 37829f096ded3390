package fr.repere.web.schedule;

import fr.repere.schedule.JobLeases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.Map;

/** The leases' transactions: each claim and each record of a run is committed at once, for the other nodes to see. */
@ApplicationScoped
public class JobLeaseTransactions {

    @Inject
    private JobLeases leases;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String job, String run, Duration hold) {
        return leases.claim(job, run, hold);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finished(String job, String run, Duration took, boolean succeeded) {
        leases.finished(job, run, took, succeeded);
    }

    /** Read without a transaction of its own: one statement, for the metrics. */
    public Map<String, JobLeases.LastRun> lastRuns() {
        return leases.lastRuns();
    }
}
