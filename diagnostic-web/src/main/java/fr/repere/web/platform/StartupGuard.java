package fr.repere.web.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start an installation that would be unsafe by default: the journal's pseudonym
 * secret left at the value shipped in the WAR (anyone could then recompute who a journal line is
 * about), or a server running as the OS user root (a flaw in Repère would then own the machine)
 * unless {@code REPERE_ALLOW_ROOT=true} says it is on purpose (a container, CI). The run command's
 * embedded database (the only place where {@code repere.demo-accounts=true}) is exempt: it holds
 * fictitious data on a developer's machine. The deployment fails with a message naming the key.
 */
@ApplicationScoped
public class StartupGuard {

    /** The development value shipped in META-INF/microprofile-config.properties. */
    static final String SHIPPED_SECRET = "dev-only-pseudonym-secret-change-me-0123456789";
    static final int SECRET_MIN_LENGTH = 32;

    @Inject
    @ConfigProperty(name = "repere.pseudonym-secret")
    private String secret;

    @Inject
    @ConfigProperty(name = "repere.demo-accounts", defaultValue = "false")
    private boolean embedded;

    @Inject
    @ConfigProperty(name = "repere.allow-root", defaultValue = "false")
    private boolean allowRoot;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE - 1) @Initialized(ApplicationScoped.class) Object event) {
        List<String> problems = problems(embedded, secret, System.getProperty("user.name"), allowRoot);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Repère does not start: " + String.join(" ", problems));
        }
    }

    /** What forbids starting, in words naming the setting; empty when nothing does. */
    static List<String> problems(boolean embedded, String secret, String osUser, boolean allowRoot) {
        List<String> problems = new ArrayList<>();
        if (embedded) {
            return problems;
        }
        if (secret == null || secret.strip().equals(SHIPPED_SECRET)) {
            problems.add("REPERE_PSEUDONYM_SECRET (repere.pseudonym-secret) still has the development value shipped with "
                    + "Repère: set a secret of your own, " + SECRET_MIN_LENGTH + " characters or more.");
        } else if (secret.strip().length() < SECRET_MIN_LENGTH) {
            problems.add("REPERE_PSEUDONYM_SECRET (repere.pseudonym-secret) is shorter than " + SECRET_MIN_LENGTH
                    + " characters.");
        }
        if ("root".equals(osUser) && !allowRoot) {
            problems.add("the server runs as the OS user root: run it as a user of its own (docs/exploitation.md), or set "
                    + "REPERE_ALLOW_ROOT=true (repere.allow-root) if that is deliberate (a container, CI).");
        }
        return problems;
    }
}
