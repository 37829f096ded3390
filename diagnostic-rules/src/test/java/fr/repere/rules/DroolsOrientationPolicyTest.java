package fr.repere.rules;

import static fr.repere.scoring.Level.AUTONOMOUS;
import static fr.repere.scoring.Level.FRAGILE;
import static fr.repere.scoring.Level.VERY_FAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.Profile;

import org.junit.jupiter.api.Test;
import org.kie.api.definition.KieDefinition;
import org.kie.api.definition.rule.Rule;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class DroolsOrientationPolicyTest {

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
            try (DroolsOrientationPolicy policy = new DroolsOrientationPolicy(DroolsOrientationPolicy.class.getClassLoader())) {
                OrientationDecision decision = policy.orient(Fixtures.profile(AUTONOMOUS, FRAGILE, AUTONOMOUS, AUTONOMOUS));
                assertEquals(Orientation.TRAIN, decision.primary());
                assertEquals("1.1.0", decision.rulesetVersion());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void aClassLoaderThatDoesNotSeeTheKjarIsReportedClearly() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new DroolsOrientationPolicy(empty));
            assertTrue(e.getMessage().contains("no kbase 'orientation'"), e::getMessage);
        }
    }

    @Test
    void concurrentCallsGiveTheSameAnswersAsSequentialOnes() throws Exception {
        DroolsOrientationPolicy policy = Fixtures.policy();
        List<Profile> profiles = Fixtures.allProfiles(List.of("URGENT_PROCEDURE", "NO_DEVICE", "DISABILITY_COGNITIVE"))
                .subList(0, 2000);
        List<OrientationDecision> sequential = profiles.stream().map(policy::orient).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<OrientationDecision>>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> profiles.stream().map(policy::orient).toList());
            }
            for (Future<List<OrientationDecision>> result : pool.invokeAll(tasks)) {
                assertEquals(sequential, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyOnBehalfGetsAMandate() {
        DroolsOrientationPolicy policy = Fixtures.policy();
        OrientationDecision onBehalf = policy.orient(Fixtures.profile(AUTONOMOUS, VERY_FAR, AUTONOMOUS, AUTONOMOUS,
                "URGENT_PROCEDURE", "PENDING_PROCEDURE", "QUARTERLY_DECLARATION"));
        assertEquals(Orientation.ON_BEHALF, onBehalf.primary());
        assertTrue(onBehalf.mandateSuggestion().isPresent());
        OrientationDecision mediator = policy.orient(Fixtures.profile(AUTONOMOUS, FRAGILE, AUTONOMOUS, AUTONOMOUS,
                "URGENT_PROCEDURE", "PENDING_PROCEDURE", "QUARTERLY_DECLARATION"));
        assertEquals(Orientation.MEDIATOR, mediator.primary());
        assertTrue(mediator.mandateSuggestion().isEmpty());
    }

    @Test
    void aProfileNoRowMatchesIsRefused() {
        // impossible through the questionnaire: no skills level, so no primary row applies
        Profile impossible = new Profile(AUTONOMOUS, null, AUTONOMOUS, AUTONOMOUS, Set.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Fixtures.policy().orient(impossible));
        assertTrue(e.getMessage().contains("produced 0 primary orientations"), e::getMessage);
    }

    @Test
    void twoPrimaryRowsAreRefused() {
        DecisionCollector collector = new DecisionCollector(new Situation(Fixtures.profile(AUTONOMOUS, AUTONOMOUS, AUTONOMOUS, AUTONOMOUS)));
        collector.orienter(row("P98-A", "orientation-principale"), "Former");
        collector.orienter(row("P99-B", "orientation-principale"), "Faire avec");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> collector.finish("test"));
        assertTrue(e.getMessage().contains("produced 2 primary orientations") && e.getMessage().contains("[P98-A, P99-B]"),
                e::getMessage);
    }

    @Test
    void onBehalfWithoutExactlyOneDurationIsRefused() {
        DecisionCollector collector = new DecisionCollector(new Situation(Fixtures.profile(AUTONOMOUS, VERY_FAR, AUTONOMOUS, AUTONOMOUS)));
        collector.orienter(row("P03-X", "orientation-principale"), "Faire à la place");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> collector.finish("test"));
        assertTrue(e.getMessage().contains("0 mandate durations"), e::getMessage);
    }

    @Test
    void aMandateForAnotherOrientationIsRefused() {
        DecisionCollector collector = new DecisionCollector(new Situation(Fixtures.profile(AUTONOMOUS, FRAGILE, AUTONOMOUS, AUTONOMOUS)));
        collector.orienter(row("P07-X", "orientation-principale"), "Faire avec");
        collector.dureeMandat(row("M02-X", "mandat-duree"), "Mandat d'un mois");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> collector.finish("test"));
        assertTrue(e.getMessage().contains("only ON_BEHALF"), e::getMessage);
    }

    @Test
    void anUnknownWordInAnOutputCellIsRefusedWithTheAcceptedOnes() {
        DecisionCollector collector = new DecisionCollector(new Situation(Fixtures.profile(AUTONOMOUS, FRAGILE, AUTONOMOUS, AUTONOMOUS)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> collector.orienter(row("P01-X", "orientation-principale"), "Formation"));
        assertEquals("Orientation inconnue : « Formation » (valeurs possibles : Autonome ; Former ; Faire avec ; Faire à la place)",
                e.getMessage());
    }

    @Test
    void aRowWithoutExplanationIsRefused() {
        DecisionCollector collector = new DecisionCollector(new Situation(Fixtures.profile(AUTONOMOUS, FRAGILE, AUTONOMOUS, AUTONOMOUS)));
        Rule silent = new FakeRule("P01-X", Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> collector.orienter(silent, "Former"));
        assertEquals("La ligne P01-X n'a pas d'explication", e.getMessage());
    }

    static Rule row(String name, String decision) {
        return new FakeRule(name, Map.of(DecisionCollector.EXPLANATION, "texte de " + name, DecisionCollector.DECISION, decision));
    }

    record FakeRule(String name, Map<String, Object> metadata) implements Rule {
        @Override
        public String getPackageName() {
            return "fr.repere.rules.orientation";
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Map<String, Object> getMetaData() {
            return metadata;
        }

        @Override
        public int getLoadOrder() {
            return 0;
        }

        @Override
        public KieDefinition.KnowledgeType getKnowledgeType() {
            return KieDefinition.KnowledgeType.RULE;
        }

        @Override
        public String getNamespace() {
            return getPackageName();
        }

        @Override
        public String getId() {
            return name;
        }
    }
}
