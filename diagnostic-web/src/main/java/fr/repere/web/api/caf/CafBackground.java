package fr.repere.web.api.caf;

import fr.repere.caf.CafLookup;
import fr.repere.caf.CivilStatus;
import fr.repere.journal.JournalEntry;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a consultation in the background and makes sure it ends: whatever the call throws
 * ({@code Throwable} included), the consultation is closed and journaled. If even that fails (the
 * database is down), or the node dies meanwhile, the sweep ({@link CafSweep}) closes it past its
 * deadline. Nobody waits on the task's result, so nothing may escape it unseen.
 */
@ApplicationScoped
public class CafBackground {

    private static final Logger LOG = Logger.getLogger(CafBackground.class.getName());

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private CafCircuit circuit;

    @Inject
    private CafRegister register;

    public CafBackground() {
        // for CDI
    }

    CafBackground(CafCircuit circuit, CafRegister register) {
        this.circuit = circuit;
        this.register = register;
    }

    public void consult(CafRegister.Started started, JournalEntry.Actor actor, CivilStatus person) {
        try {
            executor.execute(() -> run(started, actor, person));
        } catch (RejectedExecutionException e) {
            LOG.warning("CAF consultation not started: the executor refused it");
            record(started, actor, failed(e));
        }
    }

    void run(CafRegister.Started started, JournalEntry.Actor actor, CivilStatus person) {
        CafCircuit.Consulted consulted;
        try {
            consulted = circuit.consult(person);
        } catch (Throwable t) { // an Error too: the consultation must still end, and be seen to
            LOG.log(Level.SEVERE, "CAF consultation {0} failed in Repère: {1}",
                    new Object[] {started.consultation().id(), t.getClass().getName()});
            consulted = failed(t);
        }
        record(started, actor, consulted);
    }

    private void record(CafRegister.Started started, JournalEntry.Actor actor, CafCircuit.Consulted consulted) {
        try {
            register.finish(started, actor, consulted);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "CAF consultation {0} could not be recorded ({1}); the sweep will close it",
                    new Object[] {started.consultation().id(), t.getClass().getName()});
        }
    }

    private static CafCircuit.Consulted failed(Throwable t) {
        CafLookup lookup = CafGateway.unavailable(t);
        return new CafCircuit.Consulted(lookup, List.of());
    }
}
