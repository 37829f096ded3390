package fr.repere.rules;

import static fr.repere.scoring.Level.AUTONOMOUS;
import static fr.repere.scoring.Level.FRAGILE;
import static fr.repere.scoring.Level.NOT_ASSESSED;
import static fr.repere.scoring.Level.SUPPORTED;
import static fr.repere.scoring.Level.VERY_FAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.Profile;
import fr.repere.diagnostic.Reason;
import fr.repere.scoring.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

class OrientationRulesTest {

    static final List<String> FLAGS =
            List.of("PENDING_PROCEDURE", "URGENT_PROCEDURE", "READING_DIFFICULTY", "LANGUAGE_BARRIER");

    static final Set<String> ALL_RULES = Set.of(
            "UrgentProcedureWithoutAutonomy", "UrgentProcedureWithoutAccessSkillsNotAssessed",
            "SkillsVeryFar", "SkillsNotAssessed", "NoDigitalAccess", "FragileSkillsLowMotivation",
            "ReadingOrLanguageBarrier", "FragileSkillsTrain", "SupportedSkillsTrain",
            "SupportedSkillsLowMotivation", "AutonomousSkills");

    static DroolsOrientationPolicy policy;

    @BeforeAll
    static void loadRules() {
        policy = new DroolsOrientationPolicy();
    }

    @AfterAll
    static void releaseRules() {
        policy.close();
    }

    static Profile profile(Level access, Level skills, Level motivation, Level banking, String... flags) {
        return new Profile(access, skills, motivation, banking, Set.of(flags));
    }

    /** One profile per rule: the rule it must fire, the orientation, a level label the text must name. */
    static Stream<Arguments> onePerRule() {
        return Stream.of(
                Arguments.of("UrgentProcedureWithoutAutonomy", Orientation.ON_BEHALF, "« Fragile »",
                        profile(SUPPORTED, FRAGILE, SUPPORTED, FRAGILE, "URGENT_PROCEDURE")),
                Arguments.of("UrgentProcedureWithoutAccessSkillsNotAssessed", Orientation.ON_BEHALF, "« Non évalué »",
                        profile(VERY_FAR, NOT_ASSESSED, AUTONOMOUS, VERY_FAR, "URGENT_PROCEDURE", "PENDING_PROCEDURE")),
                Arguments.of("SkillsVeryFar", Orientation.MEDIATOR, "« Très éloigné »",
                        profile(AUTONOMOUS, VERY_FAR, AUTONOMOUS, AUTONOMOUS, "PENDING_PROCEDURE")),
                Arguments.of("SkillsNotAssessed", Orientation.MEDIATOR, "« Non évalué »",
                        profile(FRAGILE, NOT_ASSESSED, NOT_ASSESSED, NOT_ASSESSED, "URGENT_PROCEDURE")),
                Arguments.of("NoDigitalAccess", Orientation.MEDIATOR, "« Très éloigné »",
                        profile(VERY_FAR, SUPPORTED, AUTONOMOUS, SUPPORTED, "URGENT_PROCEDURE")),
                Arguments.of("FragileSkillsLowMotivation", Orientation.MEDIATOR, "« Très éloigné »",
                        profile(SUPPORTED, FRAGILE, VERY_FAR, FRAGILE)),
                Arguments.of("ReadingOrLanguageBarrier", Orientation.MEDIATOR, "barrière de la langue",
                        profile(AUTONOMOUS, SUPPORTED, FRAGILE, SUPPORTED, "LANGUAGE_BARRIER")),
                Arguments.of("FragileSkillsTrain", Orientation.TRAIN, "« Fragile »",
                        profile(AUTONOMOUS, FRAGILE, SUPPORTED, AUTONOMOUS, "PENDING_PROCEDURE")),
                Arguments.of("SupportedSkillsTrain", Orientation.TRAIN, "« Autonome avec appui »",
                        profile(FRAGILE, SUPPORTED, NOT_ASSESSED, VERY_FAR, "URGENT_PROCEDURE")),
                Arguments.of("SupportedSkillsLowMotivation", Orientation.TRAIN, "« Fragile »",
                        profile(AUTONOMOUS, SUPPORTED, FRAGILE, AUTONOMOUS)),
                Arguments.of("AutonomousSkills", Orientation.AUTONOMOUS, "« Autonome »",
                        profile(NOT_ASSESSED, AUTONOMOUS, VERY_FAR, VERY_FAR, "READING_DIFFICULTY", "URGENT_PROCEDURE")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("onePerRule")
    void eachRuleFiresAloneWithAnExplanationInFrench(String rule, Orientation expected, String named, Profile profile) {
        OrientationDecision decision = policy.orient(profile);

        assertEquals(expected, decision.primary(), () -> profile.toString());
        assertEquals(List.of(rule), decision.reasons().stream().map(Reason::rule).toList());
        String text = decision.reasons().get(0).text();
        assertFalse(text.isBlank());
        assertTrue(text.contains(named), () -> "text should name " + named + ": " + text);
        assertEquals("0.1.0", decision.rulesetVersion());
    }

    @Test
    void theCasesAboveCoverEveryRuleOfTheBase() {
        Set<String> covered = new HashSet<>();
        onePerRule().forEach(a -> covered.add((String) a.get()[0]));
        assertEquals(ALL_RULES, covered);
    }

    @Test
    void everyLevelCombinationTimesEveryFlagSubsetGetsExactlyOnePrimary() {
        Map<String, Integer> firings = new TreeMap<>();
        Map<Orientation, Integer> orientations = new EnumMap<>(Orientation.class);
        int profiles = 0;
        for (Profile profile : allProfiles()) {
            profiles++;
            List<PrimaryProposal> proposals = policy.fire(profile);
            assertEquals(1, proposals.size(), () -> profile + " -> " + proposals);

            OrientationDecision decision = policy.orient(profile);
            assertFalse(decision.reasons().isEmpty(), () -> profile.toString());
            decision.reasons().forEach(r -> {
                assertTrue(ALL_RULES.contains(r.rule()), r::rule);
                assertFalse(r.text().isBlank(), r::rule);
            });
            assertEquals(expectedByPolicy(profile), decision.primary(), () -> profile + " fired " + decision.reasons());
            firings.merge(decision.reasons().get(0).rule(), 1, Integer::sum);
            orientations.merge(decision.primary(), 1, Integer::sum);
        }
        assertEquals(5 * 5 * 5 * 5 * 16, profiles);
        assertEquals(ALL_RULES, firings.keySet(), "every rule is reachable");
        assertEquals(Set.of(Orientation.values()), orientations.keySet());
    }

    /** The policy of the issue, written independently in plain Java, as an oracle. */
    static Orientation expectedByPolicy(Profile p) {
        Level s = p.getSkills();
        boolean urgent = p.hasFlag("URGENT_PROCEDURE");
        boolean lowMotivation = p.getMotivation() == FRAGILE || p.getMotivation() == VERY_FAR;
        boolean barrier = p.hasFlag("READING_DIFFICULTY") || p.hasFlag("LANGUAGE_BARRIER");
        if (urgent && (s == FRAGILE || s == VERY_FAR || (s == NOT_ASSESSED && p.getAccess() == VERY_FAR))) {
            return Orientation.ON_BEHALF;
        }
        if (s == VERY_FAR || s == NOT_ASSESSED || p.getAccess() == VERY_FAR
                || (s == FRAGILE && lowMotivation) || (barrier && s != AUTONOMOUS)) {
            return Orientation.MEDIATOR;
        }
        if (s == FRAGILE || s == SUPPORTED) {
            return Orientation.TRAIN;
        }
        return Orientation.AUTONOMOUS;
    }

    static List<Profile> allProfiles() {
        List<Profile> all = new ArrayList<>();
        for (Level access : Level.values()) {
            for (Level skills : Level.values()) {
                for (Level motivation : Level.values()) {
                    for (Level banking : Level.values()) {
                        for (int mask = 0; mask < 1 << FLAGS.size(); mask++) {
                            Set<String> flags = new HashSet<>();
                            for (int i = 0; i < FLAGS.size(); i++) {
                                if ((mask & 1 << i) != 0) {
                                    flags.add(FLAGS.get(i));
                                }
                            }
                            all.add(new Profile(access, skills, motivation, banking, flags));
                        }
                    }
                }
            }
        }
        return all;
    }

    @Test
    void aProfileNoRuleMatchesIsRefused() {
        // Impossible through the questionnaire: a profile without a skills level matches no rule.
        Profile impossible = new Profile(AUTONOMOUS, null, AUTONOMOUS, AUTONOMOUS, Set.of());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> policy.orient(impossible));
        assertTrue(e.getMessage().contains("produced 0 primary"), e::getMessage);
    }

    @Test
    void twoPrimaryProposalsAreRefused() {
        Profile any = profile(AUTONOMOUS, AUTONOMOUS, AUTONOMOUS, AUTONOMOUS);
        List<PrimaryProposal> two = List.of(
                new PrimaryProposal(Orientation.TRAIN, new Reason("A", "a")),
                new PrimaryProposal(Orientation.MEDIATOR, new Reason("B", "b")));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DroolsOrientationPolicy.decide(any, two, "test"));
        assertTrue(e.getMessage().contains("produced 2 primary") && e.getMessage().contains("[A, B]"), e::getMessage);
    }

    @Test
    void rulesetVersionComesFromTheResource() {
        assertEquals("0.1.0", policy.rulesetVersion());
    }
}
