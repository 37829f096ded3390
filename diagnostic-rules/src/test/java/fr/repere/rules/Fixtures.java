package fr.repere.rules;

import fr.repere.diagnostic.Profile;
import fr.repere.scoring.Level;

import org.kie.api.definition.rule.Rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Shared test material: one policy over the shipped kjar (building it costs a second), profiles, the shipped tables. */
public final class Fixtures {

    public static final List<String> TABLE_FILES = List.of("orientation-principale.drl.xlsx", "actions-complementaires.drl.xlsx",
            "ressources-annuaire.drl.xlsx", "mandat.drl.xlsx");

    private static DroolsOrientationPolicy policy;

    private Fixtures() {
    }

    /** The shipped policy, built once for the whole test run (thread-safe, never closed). */
    public static synchronized DroolsOrientationPolicy policy() {
        if (policy == null) {
            policy = new DroolsOrientationPolicy();
        }
        return policy;
    }

    public static Profile profile(Level access, Level skills, Level motivation, Level banking, String... flags) {
        return new Profile(access, skills, motivation, banking, Set.of(flags));
    }

    /** Every rule (table row) name of a rule base, sorted. */
    public static List<String> ruleNames(org.kie.api.KieBase kieBase) {
        return RulesetCompleteness.rules(kieBase).stream().map(Rule::getName).toList();
    }

    /** Row name → explanation, read from the rule base (for the hand-written baseline of the benchmark). */
    public static Map<String, String> explanations(org.kie.api.KieBase kieBase) {
        Map<String, String> texts = new TreeMap<>();
        for (Rule rule : RulesetCompleteness.rules(kieBase)) {
            texts.put(rule.getName(), DecisionCollector.metadata(rule, DecisionCollector.EXPLANATION));
        }
        return texts;
    }

    /** Every level combination × every subset of the given flags. */
    public static List<Profile> allProfiles(List<String> flags) {
        List<Profile> all = new ArrayList<>();
        Level[] levels = Level.values();
        for (Level access : levels) {
            for (Level skills : levels) {
                for (Level motivation : levels) {
                    for (Level banking : levels) {
                        for (int mask = 0; mask < 1 << flags.size(); mask++) {
                            Set<String> set = new HashSet<>();
                            for (int i = 0; i < flags.size(); i++) {
                                if ((mask & 1 << i) != 0) {
                                    set.add(flags.get(i));
                                }
                            }
                            all.add(new Profile(access, skills, motivation, banking, set));
                        }
                    }
                }
            }
        }
        return all;
    }

    /** The shipped decision tables, by file name, as bytes (to modify and recompile at run time). */
    public static Map<String, byte[]> shippedTables() {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (String file : TABLE_FILES) {
            try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("fr/repere/rules/orientation/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + file);
                }
                tables.put(file, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tables;
    }

    public static Set<String> set(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() ? Set.of()
                : new HashSet<>(Arrays.asList(spaceSeparated.trim().split("\\s+")));
    }
}
