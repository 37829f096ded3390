package fr.repere.web.platform;

import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.OrientationPolicy;
import fr.repere.diagnostic.Profile;
import fr.repere.ruleset.RuleBaseCompiler;
import fr.repere.web.api.ruleset.RulesetRegister;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The orientation policy of the ruleset in force: the department's active upload, or the rules
 * shipped with the application. Every instance re-reads which version is active at most every
 * {@link #RECHECK} (so an activation reaches every node of a cluster), and recompiles only when it
 * changed. If the database cannot be read, the last known rules stay in force.
 */
@ApplicationScoped
public class RuleBaseInForce implements OrientationPolicy {

    static final Duration RECHECK = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(RuleBaseInForce.class.getName());

    @Inject
    private RuleBaseCompiler compiler;

    @Inject
    private RulesetRegister rulesets;

    @Inject
    private Clock clock;

    private volatile Loaded loaded;
    /** The policy replaced at the last change: released at the next one, when no call can still be using it. */
    private OrientationPolicy retired;

    private record Loaded(String version, OrientationPolicy policy, Instant checkedAt) {
    }

    @PostConstruct
    void loadShipped() {
        loaded = new Loaded(compiler.shippedVersion(),
                compiler.compile(compiler.shippedVersion(), compiler.shippedTables()), Instant.MIN);
    }

    @Override
    public OrientationDecision orient(Profile profile) {
        return current().orient(profile);
    }

    /** The version in force, after a recheck if due. */
    public String version() {
        current();
        return loaded.version();
    }

    /** Forgets when it last checked, so the next call reads the active version again. */
    public void recheckNow() {
        Loaded l = loaded;
        loaded = new Loaded(l.version(), l.policy(), Instant.MIN);
    }

    private OrientationPolicy current() {
        Loaded l = loaded;
        Instant now = clock.instant();
        if (l.checkedAt().plus(RECHECK).isAfter(now)) {
            return l.policy();
        }
        synchronized (this) {
            l = loaded;
            if (!l.checkedAt().plus(RECHECK).isAfter(now)) {
                loaded = refreshed(l, now);
            }
            return loaded.policy();
        }
    }

    /**
     * Calls in flight may still hold the replaced policy for a few microseconds: it is released at
     * the next change (at least {@link #RECHECK} later), so at most one old version stays in memory.
     */
    private void retire(OrientationPolicy replaced) {
        if (retired != null && retired != replaced) {
            compiler.release(retired);
        }
        retired = replaced;
    }

    private Loaded refreshed(Loaded l, Instant now) {
        try {
            Map.Entry<String, Map<String, byte[]>> inForce = rulesets.inForce();
            if (inForce.getKey().equals(l.version())) {
                return new Loaded(l.version(), l.policy(), now);
            }
            LOG.info(() -> "Orientation rules now in force: version " + inForce.getKey());
            // stored versions were checked at upload: load without repeating the completeness check
            Loaded next = new Loaded(inForce.getKey(), compiler.load(inForce.getKey(), inForce.getValue()), now);
            retire(l.policy());
            return next;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the ruleset in force, keeping version " + l.version(), e);
            return new Loaded(l.version(), l.policy(), now);
        }
    }
}
