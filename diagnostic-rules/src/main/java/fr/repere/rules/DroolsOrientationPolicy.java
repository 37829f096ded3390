package fr.repere.rules;

import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.OrientationPolicy;
import fr.repere.diagnostic.Profile;

import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * {@link OrientationPolicy} backed by the decision tables of this kjar (kbase {@value #KBASE}).
 *
 * <p>The container is built once from an explicit class loader (never the thread context one),
 * so it works with the jar in a WAR's {@code WEB-INF/lib}. Thread-safe: see
 * {@link OrientationRules}. Build one instance per application (e.g. from an application-scoped
 * CDI producer): building the container costs about a second.
 */
public final class DroolsOrientationPolicy implements OrientationPolicy, AutoCloseable {

    public static final String KBASE = "orientation";
    static final String VERSION_RESOURCE = "fr/repere/rules/orientation/ruleset.properties";

    private final KieContainer container;
    private final OrientationRules rules;

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
        this.rules = new OrientationRules(container.getKieBase(KBASE), readVersion(classLoader));
    }

    /**
     * The full decision: primary orientation and its reason, complementary actions, directory
     * needs, and a mandate suggestion for "Faire à la place" only.
     *
     * @throws IllegalStateException if the tables do not give exactly one primary orientation
     */
    @Override
    public OrientationDecision orient(Profile profile) {
        return rules.evaluate(profile).decision();
    }

    /** The decision and every table row that applied (for explanations and tests). */
    public Evaluation evaluate(Profile profile) {
        return rules.evaluate(profile);
    }

    /** The engine over the shipped rule base (to check it with {@link RulesetCompleteness}). */
    public OrientationRules rules() {
        return rules;
    }

    public String rulesetVersion() {
        return rules.rulesetVersion();
    }

    /** Releases the sessions and the container (call on application shutdown). */
    @Override
    public void close() {
        rules.close();
        container.dispose();
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
