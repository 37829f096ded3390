package fr.repere.web.platform;

import fr.repere.diagnostic.OrientationPolicy;
import fr.repere.ruleset.RuleBaseCompiler;
import fr.repere.ruleset.Rulesets;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The orientation policy in force for each organisation: its active upload, or the rules shipped
 * with the application (every organisation's default). The database is the only record of which
 * version is active: each instance re-reads an organisation's active version at most every
 * {@link #RECHECK} (so an activation made on any node of a cluster reaches every node) and compiles
 * a version only when the organisation's changed. Compiled rule bases are held per organisation,
 * so two organisations using the same version number never share one. If the database cannot be
 * read, or a stored version no longer passes the upload checks, the last known rules of that
 * organisation (at first, the shipped ones) stay in force.
 */
@ApplicationScoped
public class RuleBaseInForce {

    static final Duration RECHECK = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(RuleBaseInForce.class.getName());

    @Inject
    private RuleBaseCompiler compiler;

    @Inject
    private Rulesets rulesets;

    @Inject
    private Clock clock;

    private OrientationPolicy shipped;
    private final Map<String, Loaded> byOrganisation = new ConcurrentHashMap<>();
    /** A team never changes organisation (the column is not updatable): safe to remember on every node. */
    private final Map<String, String> organisationOfTeam = new ConcurrentHashMap<>();
    /** Per organisation, the policy replaced at its last change: released at the next one, when no call can still use it. */
    private final Map<String, OrientationPolicy> retired = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    private record Loaded(String version, OrientationPolicy policy, Instant checkedAt) {
    }

    @PostConstruct
    void loadShipped() {
        shipped = compiler.compile(compiler.shippedVersion(), compiler.shippedTables());
    }

    /** The rules a worker of this team uses: those in force in the team's organisation. */
    public OrientationPolicy forTeam(String team) {
        String organisation = team == null ? null : organisationOfTeam.computeIfAbsent(team,
                t -> rulesets.organisationOf(t).orElse(null));
        return organisation == null ? shipped : forOrganisation(organisation);
    }

    /** The rules in force in an organisation, after a recheck of its active version if due. */
    public OrientationPolicy forOrganisation(String organisation) {
        return current(organisation).policy();
    }

    /** The version in force in an organisation, after a recheck if due. */
    public String version(String organisation) {
        return current(organisation).version();
    }

    public String shippedVersion() {
        return compiler.shippedVersion();
    }

    /** Forgets when it last checked the organisation, so its next call reads the active version again. */
    public void recheckNow(String organisation) {
        byOrganisation.computeIfPresent(organisation, (o, l) -> new Loaded(l.version(), l.policy(), Instant.MIN));
    }

    private Loaded current(String organisation) {
        Instant now = clock.instant();
        Loaded l = byOrganisation.get(organisation);
        if (l != null && l.checkedAt().plus(RECHECK).isAfter(now)) {
            return l;
        }
        synchronized (locks.computeIfAbsent(organisation, o -> new Object())) { // one organisation compiling never holds up another
            l = byOrganisation.get(organisation);
            if (l == null || !l.checkedAt().plus(RECHECK).isAfter(now)) {
                l = refreshed(organisation, l == null ? new Loaded(compiler.shippedVersion(), shipped, Instant.MIN) : l, now);
                byOrganisation.put(organisation, l);
            }
            return l;
        }
    }

    private Loaded refreshed(String organisation, Loaded l, Instant now) {
        try {
            Map.Entry<String, Map<String, byte[]>> inForce = rulesets.inForce(organisation);
            if (inForce.getKey().equals(l.version())) {
                return new Loaded(l.version(), l.policy(), now);
            }
            LOG.info(() -> "Orientation rules now in force in organisation " + organisation + ": version " + inForce.getKey());
            // stored versions were checked at upload: load without repeating the completeness check (the cell checks run again)
            OrientationPolicy next = inForce.getKey().equals(compiler.shippedVersion()) ? shipped
                    : compiler.load(inForce.getKey(), inForce.getValue());
            retire(organisation, l.policy());
            return new Loaded(inForce.getKey(), next, now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot load the ruleset in force in organisation " + organisation + ", keeping version "
                    + l.version(), e);
            return new Loaded(l.version(), l.policy(), now);
        }
    }

    /**
     * Calls in flight may still hold the replaced policy for a few microseconds: it is released at
     * the organisation's next change (at least {@link #RECHECK} later), so at most one old version
     * per organisation stays in memory. The shared shipped policy is never released.
     */
    private void retire(String organisation, OrientationPolicy replaced) {
        OrientationPolicy before = replaced == shipped ? retired.remove(organisation) : retired.put(organisation, replaced);
        if (before != null && before != replaced && before != shipped) {
            compiler.release(before);
        }
    }
}
