package fr.repere.rules;

import fr.repere.diagnostic.Profile;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.Objects;

/**
 * Runs a compiled orientation rule base (shipped kjar or uploaded tables) on profiles.
 *
 * <p>Thread-safe: the {@link KieBase} is shared and immutable; each evaluation borrows a session
 * from a pool (reset when given back), sets the global {@value #GLOBAL}, inserts one
 * {@link Situation} and fires. Sessions are reused rather than built per call, which is most of
 * the cost of a small rule base.
 */
public final class OrientationRules implements AutoCloseable {

    /** The global through which the tables' rows report what they decide. */
    public static final String GLOBAL = "resultat";
    private static final int INITIAL_POOL_SIZE = 4;

    private final KieBase kieBase;
    private final String rulesetVersion;
    private final KieSessionsPool sessions;

    public OrientationRules(KieBase kieBase, String rulesetVersion) {
        this.kieBase = Objects.requireNonNull(kieBase, "kieBase");
        this.rulesetVersion = Objects.requireNonNull(rulesetVersion, "rulesetVersion");
        this.sessions = kieBase.newKieSessionsPool(INITIAL_POOL_SIZE);
    }

    /**
     * Evaluates every table for a profile.
     *
     * @throws IllegalStateException if the tables break their contract for this profile (no or
     *         several primary orientations, a mandate without exactly one duration…)
     * @throws RuntimeException      if a row fails (e.g. an unknown word in an output cell)
     */
    public Evaluation evaluate(Profile profile) {
        return collect(profile).finish(rulesetVersion);
    }

    /** Fires every table for a profile and returns what the rows reported, unchecked. */
    DecisionCollector collect(Profile profile) {
        Situation situation = new Situation(Objects.requireNonNull(profile, "profile"));
        DecisionCollector collector = new DecisionCollector(situation);
        KieSession session = sessions.newKieSession();
        try {
            session.setGlobal(GLOBAL, collector);
            session.insert(situation);
            session.fireAllRules();
        } finally {
            session.dispose(); // gives it back to the pool, reset
        }
        return collector;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }

    @Override
    public void close() {
        sessions.shutdown();
    }
}
