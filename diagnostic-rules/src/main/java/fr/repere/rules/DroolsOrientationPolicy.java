package fr.repere.rules;

import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.OrientationPolicy;
import fr.repere.diagnostic.Profile;
import fr.repere.diagnostic.Reason;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * {@link OrientationPolicy} backed by the Drools kbase {@value #KBASE} of this kjar.
 *
 * <p>The container is built once from an explicit class loader (never the thread context one),
 * so it works with the jar in a WAR's {@code WEB-INF/lib}. Thread-safe: the {@link KieBase} is
 * shared, each call runs in its own short-lived session. Build one instance per application
 * (e.g. from an application-scoped CDI producer): building the container costs ~1 s.
 */
public final class DroolsOrientationPolicy implements OrientationPolicy, AutoCloseable {

    public static final String KBASE = "orientation";
    static final String VERSION_RESOURCE = "fr/repere/rules/orientation/ruleset.properties";

    private final KieContainer container;
    private final KieBase kieBase;
    private final String rulesetVersion;

    /** Loads the rule base with the class loader that loaded this class. */
    public DroolsOrientationPolicy() {
        this(DroolsOrientationPolicy.class.getClassLoader());
    }

    public DroolsOrientationPolicy(ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader");
        this.container = KieServices.get().newKieClasspathContainer(classLoader);
        if (!container.getKieBaseNames().contains(KBASE)) {
            // Drools only logs (through SLF4J, silent without a provider) why a kmodule.xml was skipped
            throw new IllegalStateException("no kbase '" + KBASE + "' on the class path (found "
                    + container.getKieBaseNames() + "): is the diagnostic-rules jar there, and"
                    + " org.drools:drools-xml-support (needed to read META-INF/kmodule.xml)?");
        }
        this.kieBase = container.getKieBase(KBASE);
        this.rulesetVersion = readVersion(classLoader);
    }

    @Override
    public OrientationDecision orient(Profile profile) {
        Objects.requireNonNull(profile, "profile");
        return decide(profile, fire(profile), rulesetVersion);
    }

    /** Runs the rules on one profile in a fresh session; returns every primary proposed. */
    List<PrimaryProposal> fire(Profile profile) {
        KieSession session = kieBase.newKieSession();
        try {
            session.insert(profile);
            session.fireAllRules();
            Collection<?> facts = session.getObjects(new ClassObjectFilter(PrimaryProposal.class));
            List<PrimaryProposal> proposals = new ArrayList<>(facts.size());
            for (Object fact : facts) {
                proposals.add((PrimaryProposal) fact);
            }
            return proposals;
        } finally {
            session.dispose();
        }
    }

    /** Releases the container (call on application shutdown). */
    @Override
    public void close() {
        container.dispose();
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }

    /** Defensive check of the rule base's contract: exactly one primary proposal per profile. */
    static OrientationDecision decide(Profile profile, List<PrimaryProposal> proposals, String version) {
        if (proposals.size() != 1) {
            List<String> rules = proposals.stream().map(p -> p.reason().rule()).sorted().toList();
            throw new IllegalStateException("orientation rule base " + version + " produced "
                    + proposals.size() + " primary orientations (expected exactly 1) for " + profile
                    + "; rules fired: " + rules);
        }
        PrimaryProposal only = proposals.get(0);
        List<Reason> reasons = List.of(only.reason());
        return new OrientationDecision(only.primary(), reasons, version);
    }

    static String readVersion(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + VERSION_RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank()) {
                throw new IllegalStateException("no 'version' in " + VERSION_RESOURCE);
            }
            return version.trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VERSION_RESOURCE, e);
        }
    }
}
