package fr.repere.web.platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupGuardTest {

    private static final String OWN_SECRET = "un-secret-propre-a-l-installation-0123456789";

    @Test
    void theShippedSecretStopsAnInstallation() {
        List<String> problems = StartupGuard.problems(false, StartupGuard.SHIPPED_SECRET, "repere", false);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("REPERE_PSEUDONYM_SECRET (repere.pseudonym-secret) still has the development value"),
                problems.get(0));
    }

    @Test
    void aShortSecretStopsAnInstallation() {
        assertEquals(List.of("REPERE_PSEUDONYM_SECRET (repere.pseudonym-secret) is shorter than 32 characters."),
                StartupGuard.problems(false, "0123456789abcdef0123456789abcde", "repere", false));
    }

    @Test
    void rootStopsAnInstallationUnlessAllowed() {
        List<String> problems = StartupGuard.problems(false, OWN_SECRET, "root", false);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("REPERE_ALLOW_ROOT=true"), problems.get(0));
        assertEquals(List.of(), StartupGuard.problems(false, OWN_SECRET, "root", true));
    }

    @Test
    void bothProblemsAreNamedTogether() {
        assertEquals(2, StartupGuard.problems(false, StartupGuard.SHIPPED_SECRET, "root", false).size());
    }

    @Test
    void anInstallationWithItsOwnSecretAndUserStarts() {
        assertEquals(List.of(), StartupGuard.problems(false, OWN_SECRET, "repere", false));
    }

    @Test
    void theRunCommandsEmbeddedDatabaseIsExempt() {
        assertEquals(List.of(), StartupGuard.problems(true, StartupGuard.SHIPPED_SECRET, "root", false));
    }

    @Test
    void theShippedConfigurationHoldsTheValueTheGuardKnows() throws Exception {
        var properties = new java.util.Properties();
        try (var in = StartupGuard.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        }
        assertEquals(StartupGuard.SHIPPED_SECRET, properties.getProperty("repere.pseudonym-secret"));
    }
}
