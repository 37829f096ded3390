package fr.repere.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.Profile;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class DroolsOrientationPolicyLoadingTest {

    /**
     * In a WAR the thread context class loader may not see WEB-INF/lib: the policy must load and
     * run with its own class loader even when the context one sees nothing.
     */
    @Test
    void doesNotDependOnTheThreadContextClassLoader() throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            thread.setContextClassLoader(empty);
            try (DroolsOrientationPolicy policy = new DroolsOrientationPolicy()) {
                OrientationDecision decision = policy.orient(OrientationRulesTest.profile(
                    fr.repere.scoring.Level.AUTONOMOUS, fr.repere.scoring.Level.FRAGILE,
                    fr.repere.scoring.Level.AUTONOMOUS, fr.repere.scoring.Level.AUTONOMOUS));
                assertEquals(Orientation.TRAIN, decision.primary());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void aClassLoaderThatDoesNotSeeTheKjarIsReportedClearly() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new DroolsOrientationPolicy(empty));
            assertTrue(e.getMessage().contains("no kbase 'orientation'"), e::getMessage);
        }
    }

    @Test
    void concurrentCallsGiveTheSameAnswersAsSequentialOnes() throws Exception {
        @SuppressWarnings("resource") // closed below
        DroolsOrientationPolicy policy = new DroolsOrientationPolicy();
        List<Profile> profiles = OrientationRulesTest.allProfiles();
        List<Orientation> sequential = profiles.stream().map(p -> policy.orient(p).primary()).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<Orientation>>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> profiles.stream().map(p -> policy.orient(p).primary()).toList());
            }
            for (Future<List<Orientation>> result : pool.invokeAll(tasks)) {
                assertEquals(sequential, result.get());
            }
        } finally {
            pool.shutdownNow();
            policy.close();
        }
    }
}
