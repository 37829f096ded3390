package fr.repere.web.api.caf;

import fr.repere.web.schedule.ClusterJobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, on one node of the cluster ({@link ClusterJobs}), closes the consultations left pending past their deadline: their background call
 * was lost (the node died, the task never ran). Each is locked and checked again in its own
 * transaction, so two nodes sweeping at once close it once. Never throws.
 */
@ApplicationScoped
public class CafSweep {

    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(CafSweep.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private CafRegister register;

    @Inject
    private ClusterJobs cluster;

    /** The job's name in the cluster's leases, and how often it runs. */
    static final String JOB = "caf-sweep";
    static final Duration PERIOD = Duration.ofMinutes(1);

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        scheduler.scheduleWithFixedDelay(() -> cluster.runOnce(JOB, PERIOD, this::sweep), 1, PERIOD.toMinutes(), TimeUnit.MINUTES);
    }

    /** Closes what is overdue now; returns how many. */
    public int sweep() {
        int closed = 0;
        try {
            List<String> overdue = register.overdue(BATCH);
            for (String id : overdue) {
                closed += register.closeIfOverdue(id) ? 1 : 0;
            }
            if (closed > 0) {
                LOG.warning(closed + " CAF consultation(s) left pending past their deadline closed as lost");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "CAF sweep failed, retried in a minute: {0}", e.getClass().getName());
        }
        return closed;
    }
}
