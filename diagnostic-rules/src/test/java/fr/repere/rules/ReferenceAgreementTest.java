package fr.repere.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.Profile;
import fr.repere.rules.reference.ReferenceOrientation;
import fr.repere.scoring.Level;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The hand-written implementation and the Drools tables give equal decisions (primary, reasons, actions, needs, mandate). */
class ReferenceAgreementTest {

    static final List<String> PRIMARY_FLAGS = List.of("URGENT_PROCEDURE", "PENDING_PROCEDURE", "HAPPY_NON_USER",
            "PREFERS_DELEGATION", "FEARS_ONLINE", "NO_HELPER", "DISABILITY_COGNITIVE", "READING_DIFFICULTY", "LANGUAGE_BARRIER",
            "DISABILITY_VISUAL", "DISABILITY_MOTOR");
    static final List<String> ALL_FLAGS = List.of("PENDING_PROCEDURE", "URGENT_PROCEDURE", "READING_DIFFICULTY", "LANGUAGE_BARRIER",
            "NO_DEVICE", "NO_INTERNET", "NO_EMAIL", "NO_FRANCECONNECT", "DATA_RUNS_OUT", "PREPAID_PHONE_ONLY", "NO_BANK_ACCOUNT",
            "BUDGET_DIFFICULTY", "DISABILITY_VISUAL", "DISABILITY_HEARING", "DISABILITY_MOTOR", "DISABILITY_COGNITIVE", "NO_HELPER",
            "HAPPY_NON_USER", "PREFERS_DELEGATION", "FEARS_ONLINE", "AGE_65_PLUS", "QUARTERLY_DECLARATION", "PROCEDURE_CAF",
            "PROCEDURE_EMPLOI", "PROCEDURE_SANTE", "PROCEDURE_IMPOTS", "PROCEDURE_LOGEMENT", "PROCEDURE_SEJOUR",
            "PROCEDURE_RETRAITE", "PROCEDURE_HANDICAP", "PROCEDURE_AUTRE");

    final ReferenceOrientation reference = Fixtures.reference();

    @Test
    void agreeOnEveryLevelCombinationTimesEverySubsetOfThePrimaryFlags() {
        List<Profile> profiles = Fixtures.allProfiles(PRIMARY_FLAGS);
        assertEquals(625 * 2048, profiles.size());
        Set<Orientation> seen = compare(profiles);
        assertEquals(Set.of(Orientation.values()), seen);
    }

    @Test
    void agreeOnEverySubsetOfTheActionFlagsForEachSkillsLevel() {
        List<String> blocks = List.of("NO_DEVICE NO_INTERNET DATA_RUNS_OUT PREPAID_PHONE_ONLY",
                "NO_BANK_ACCOUNT BUDGET_DIFFICULTY NO_EMAIL NO_FRANCECONNECT",
                "LANGUAGE_BARRIER READING_DIFFICULTY DISABILITY_VISUAL DISABILITY_HEARING",
                "DISABILITY_MOTOR DISABILITY_COGNITIVE FEARS_ONLINE AGE_65_PLUS");
        List<Profile> profiles = new ArrayList<>();
        for (String block : blocks) {
            List<String> flags = new ArrayList<>(Fixtures.set(block));
            flags.add("HAPPY_NON_USER");
            flags.add("PENDING_PROCEDURE");
            for (Level skills : Level.values()) {
                for (Level access : List.of(Level.AUTONOMOUS, Level.VERY_FAR)) {
                    for (int mask = 0; mask < 1 << flags.size(); mask++) {
                        profiles.add(new Profile(access, skills, Level.SUPPORTED, Level.FRAGILE, subset(flags, mask)));
                    }
                }
            }
        }
        compare(profiles);
    }

    @Test
    void agreeOnEverySubsetOfTheProcedureKindsForAnOnBehalfOrientation() {
        List<String> kinds = ALL_FLAGS.subList(21, 31);
        List<Profile> profiles = new ArrayList<>();
        for (int mask = 0; mask < 1 << kinds.size(); mask++) {
            Set<String> flags = subset(kinds, mask);
            flags.add("URGENT_PROCEDURE");
            flags.add("PENDING_PROCEDURE");
            profiles.add(new Profile(Level.AUTONOMOUS, Level.VERY_FAR, Level.AUTONOMOUS, Level.AUTONOMOUS, flags));
        }
        Set<Orientation> seen = compare(profiles);
        assertEquals(Set.of(Orientation.ON_BEHALF), seen);
    }

    @Test
    void agreeOnRandomProfilesOverEveryFlag() {
        Random random = new Random(20261124L);
        Level[] levels = Level.values();
        List<Profile> profiles = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            Set<String> flags = new HashSet<>();
            for (String flag : ALL_FLAGS) {
                if (random.nextInt(4) == 0) {
                    flags.add(flag);
                }
            }
            profiles.add(new Profile(levels[random.nextInt(5)], levels[random.nextInt(5)], levels[random.nextInt(5)],
                    levels[random.nextInt(5)], flags));
        }
        compare(profiles);
    }

    private Set<Orientation> compare(List<Profile> profiles) {
        AtomicInteger compared = new AtomicInteger();
        Set<Orientation> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        profiles.parallelStream().forEach(profile -> {
            Evaluation drools = Fixtures.policy().evaluate(profile);
            Evaluation java = reference.evaluate(profile);
            if (!drools.equals(java)) {
                assertEquals(java.rows(), drools.rows(), () -> "rows for " + profile);
                assertEquals(java.decision(), drools.decision(), () -> "decision for " + profile);
            }
            seen.add(drools.decision().primary());
            compared.incrementAndGet();
        });
        assertEquals(profiles.size(), compared.get());
        assertTrue(compared.get() > 0);
        return seen;
    }

    private static Set<String> subset(List<String> flags, int mask) {
        Set<String> set = new HashSet<>();
        for (int i = 0; i < flags.size(); i++) {
            if ((mask & 1 << i) != 0) {
                set.add(flags.get(i));
            }
        }
        return set;
    }
}
