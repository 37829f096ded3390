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

    private static final String ORG = "org-1";
    private static final String OTHER = "org-2";
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
        assertEquals("1.0.0", rulesets.inForce(ORG).getKey());
        rulesets.upload(ORG, "2027.1", "révision annuelle", Map.of("a.drl.xlsx", GOOD));
        assertEquals("1.0.0", rulesets.inForce(ORG).getKey(), "an upload is not active until activated");
        rulesets.activate(ORG, "2027.1");
        assertEquals("2027.1", rulesets.inForce(ORG).getKey());
        assertArrayEquals(GOOD, rulesets.inForce(ORG).getValue().get("a.drl.xlsx"));
    }

    @Test
    void activatingAnotherVersionRetiresThePreviousOneWhichStaysAvailable() {
        rulesets.upload(ORG, "A", null, Map.of("a.drl.xlsx", GOOD));
        rulesets.upload(ORG, "B", null, Map.of("b.drl.xlsx", GOOD));
        rulesets.activate(ORG, "A");
        rulesets.activate(ORG, "B");
        assertFalse(repository.find(ORG, "A").orElseThrow().active());
        assertTrue(repository.find(ORG, "B").orElseThrow().active());
        rulesets.activate(ORG, "A");
        assertEquals("A", rulesets.inForce(ORG).getKey());
        rulesets.activate(ORG, null);
        assertEquals("1.0.0", rulesets.inForce(ORG).getKey());
        assertTrue(repository.active(ORG).isEmpty());
    }

    @Test
    void anInvalidUploadStoresNothingAndSaysWhereTheProblemIs() {
        InvalidRulesetException e = assertThrows(InvalidRulesetException.class,
                () -> rulesets.upload(ORG, "2027.1", null, Map.of("t.drl.xlsx", BROKEN)));
        assertEquals(12, e.problems().get(0).row());
        assertTrue(repository.all(ORG).isEmpty());
    }

    @Test
    void versionNamesAndFileNamesAreChecked() {
        assertThrows(InvalidRulesetException.class, () -> rulesets.upload(ORG, "1.0.0", null, Map.of("a.drl.xlsx", GOOD)));
        assertThrows(InvalidRulesetException.class, () -> rulesets.upload(ORG, "../x", null, Map.of("a.drl.xlsx", GOOD)));
        assertThrows(InvalidRulesetException.class, () -> rulesets.upload(ORG, "2", null, Map.of("a.xlsx", GOOD)));
        assertThrows(InvalidRulesetException.class, () -> rulesets.upload(ORG, "2", null, Map.of()));
        rulesets.upload(ORG, "2", null, Map.of("a.drl.xlsx", GOOD));
        assertThrows(InvalidRulesetException.class, () -> rulesets.upload(ORG, "2", null, Map.of("a.drl.xlsx", GOOD)));
        assertThrows(UnknownRulesetException.class, () -> rulesets.activate(ORG, "3"));
    }

    @Test
    void eachOrganisationHasItsOwnVersionsAndItsOwnActiveOne() {
        rulesets.upload(ORG, "2027.1", null, Map.of("a.drl.xlsx", GOOD));
        rulesets.activate(ORG, "2027.1");

        assertEquals("1.0.0", rulesets.inForce(OTHER).getKey(), "the shipped rules are every organisation's default");
        assertTrue(rulesets.uploaded(OTHER).isEmpty());
        assertTrue(rulesets.tables(OTHER, "2027.1").isEmpty());
        assertThrows(UnknownRulesetException.class, () -> rulesets.activate(OTHER, "2027.1"));
        assertEquals("2027.1", rulesets.inForce(ORG).getKey(), "a refused activation changes nothing");

        rulesets.upload(OTHER, "2027.1", "même numéro, autre organisation", Map.of("b.drl.xlsx", GOOD));
        rulesets.activate(OTHER, "2027.1");
        rulesets.activate(OTHER, null);
        assertEquals("1.0.0", rulesets.inForce(OTHER).getKey());
        assertEquals("2027.1", rulesets.inForce(ORG).getKey(), "activating in one organisation leaves the other's alone");
        assertEquals(List.of("a.drl.xlsx"), List.copyOf(rulesets.tables(ORG, "2027.1").orElseThrow().keySet()));
    }

    @Test
    void uploadsAndActivationsAreWrittenBeforeTheUseCaseEndsButNotRefusedOnes() {
        rulesets.upload(ORG, "2027.1", null, Map.of("a.drl.xlsx", GOOD));
        assertEquals(1, repository.flushes);
        assertThrows(InvalidRulesetException.class, () -> rulesets.upload(ORG, "2027.2", null, Map.of("a.drl.xlsx", BROKEN)));
        assertEquals(1, repository.flushes);
        rulesets.activate(ORG, "2027.1");
        assertEquals(2, repository.flushes);
        assertThrows(UnknownRulesetException.class, () -> rulesets.activate(ORG, "2099.1"));
        assertEquals(2, repository.flushes);
        assertEquals("1.0.0", rulesets.shippedVersion());
    }

    @Test
    void anActivationReadsTheActiveVersionLocked() {
        rulesets.upload(ORG, "2027.1", null, Map.of("a.drl.xlsx", GOOD));
        repository.calls.clear();
        rulesets.activate(ORG, "2027.1");
        rulesets.activate(ORG, null);
        assertEquals(List.of("lockActive org-1", "findLocked org-1 2027.1", "flush", "lockActive org-1", "flush", "flush"),
                repository.calls, "read unlocked or before the lock, two concurrent activations each act on what they saw "
                        + "and leave two or no active versions; the retired version is written before the next one becomes active");
    }

    static final class InMemoryRulesets implements RulesetRepository {
        private final Map<List<String>, Ruleset> stored = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        int flushes;

        @Override
        public Optional<Ruleset> findLocked(String organisation, String version) {
            calls.add("findLocked " + organisation + " " + version);
            return find(organisation, version);
        }

        @Override
        public Optional<Ruleset> lockActive(String organisation) {
            calls.add("lockActive " + organisation);
            return all(organisation).stream().filter(Ruleset::active).findFirst();
        }

        @Override
        public void flush() {
            calls.add("flush");
            flushes++;
        }

        @Override
        public void store(Ruleset ruleset) {
            stored.put(List.of(ruleset.organisation(), ruleset.version()), ruleset);
        }

        @Override
        public Optional<Ruleset> find(String organisation, String version) {
            return Optional.ofNullable(stored.get(List.of(organisation, version)));
        }

        @Override
        public List<Ruleset> all(String organisation) {
            return new ArrayList<>(stored.values().stream().filter(r -> r.organisation().equals(organisation)).toList());
        }

        @Override
        public Optional<Ruleset> active(String organisation) {
            calls.add("active " + organisation);
            return all(organisation).stream().filter(Ruleset::active).findFirst();
        }

        @Override
        public Optional<String> organisationOf(String team) {
            return Optional.empty();
        }
    }
}
