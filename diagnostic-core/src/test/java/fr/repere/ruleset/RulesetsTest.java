package fr.repere.ruleset;

import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.OrientationPolicy;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesetsTest {

    private static final byte[] GOOD = {1, 2, 3};
    private static final byte[] BROKEN = {9};

    /** Compiles anything but the BROKEN bytes. */
    private final RuleBaseCompiler compiler = new RuleBaseCompiler() {
        @Override
        public String shippedVersion() {
            return "1.0.0";
        }

        @Override
        public Map<String, byte[]> shippedTables() {
            return Map.of("orientation-principale.drl.xlsx", GOOD);
        }

        @Override
        public OrientationPolicy compile(String version, Map<String, byte[]> tables) {
            if (tables.values().stream().anyMatch(t -> t.length == 1)) {
                throw new InvalidRulesetException(List.of(new RulesetProblem("t.drl.xlsx", "Feuil1", 12, "C", "erreur")));
            }
            return p -> new OrientationDecision(Orientation.TRAIN, List.of(), version);
        }
    };

    private final InMemoryRulesets repository = new InMemoryRulesets();
    private final Rulesets rulesets = new Rulesets(repository, compiler,
            Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void theShippedRulesAreInForceUntilAnUploadIsActivated() {
        assertEquals("1.0.0", rulesets.inForce().getKey());
        rulesets.upload("2027.1", "révision annuelle", Map.of("a.drl.xlsx", GOOD));
        assertEquals("1.0.0", rulesets.inForce().getKey(), "an upload is not active until activated");
        rulesets.activate("2027.1");
        assertEquals("2027.1", rulesets.inForce().getKey());
        assertArrayEquals(GOOD, rulesets.inForce().getValue().get("a.drl.xlsx"));
    }

    @Test
    void activatingAnotherVersionRetiresThePreviousOneWhichStaysAvailable() {
        rulesets.upload("A", null, Map.of("a.drl.xlsx", GOOD));
        rulesets.upload("B", null, Map.of("b.drl.xlsx", GOOD));
        rulesets.activate("A");
        rulesets.activate("B");
        assertFalse(repository.find("A").orElseThrow().active());
        assertTrue(repository.find("B").orElseThrow().active());
        rulesets.activate("A");
        assertEquals("A", rulesets.inForce().getKey());
        rulesets.activate(null);
        assertEquals("1.0.0", rulesets.inForce().getKey());
        assertTrue(repository.active().isEmpty());
    }

    @Test
    void anInvalidUploadStoresNothingAndSaysWhereTheProblemIs() {
        InvalidRulesetException e = assertThrows(InvalidRulesetException.class,
                () -> rulesets.upload("2027.1", null, Map.of("t.drl.xlsx", BROKEN)));
        assertEquals(12, e.problems().get(0).row());
        assertTrue(repository.all().isEmpty());
    }

    @Test
    void versionNamesAndFileNamesAreChecked() {
        assertThrows(InvalidRulesetException.class, () -> rulesets.upload("1.0.0", null, Map.of("a.drl.xlsx", GOOD)));
        assertThrows(InvalidRulesetException.class, () -> rulesets.upload("../x", null, Map.of("a.drl.xlsx", GOOD)));
        assertThrows(InvalidRulesetException.class, () -> rulesets.upload("2", null, Map.of("a.xlsx", GOOD)));
        assertThrows(InvalidRulesetException.class, () -> rulesets.upload("2", null, Map.of()));
        rulesets.upload("2", null, Map.of("a.drl.xlsx", GOOD));
        assertThrows(InvalidRulesetException.class, () -> rulesets.upload("2", null, Map.of("a.drl.xlsx", GOOD)));
        assertThrows(UnknownRulesetException.class, () -> rulesets.activate("3"));
    }

    static final class InMemoryRulesets implements RulesetRepository {
        private final Map<String, Ruleset> stored = new LinkedHashMap<>();

        @Override
        public void store(Ruleset ruleset) {
            stored.put(ruleset.version(), ruleset);
        }

        @Override
        public Optional<Ruleset> find(String version) {
            return Optional.ofNullable(stored.get(version));
        }

        @Override
        public List<Ruleset> all() {
            return new ArrayList<>(stored.values());
        }

        @Override
        public Optional<Ruleset> active() {
            return stored.values().stream().filter(Ruleset::active).findFirst();
        }
    }
}
