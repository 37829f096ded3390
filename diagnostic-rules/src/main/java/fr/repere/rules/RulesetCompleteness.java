package fr.repere.rules;

import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.Profile;
import fr.repere.scoring.Level;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.ConsequenceException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.stream.IntStream;

/**
 * Checks an orientation rule base the way a department analyst needs it checked before activating
 * it: every possible answer profile must get exactly one primary orientation, and an orientation
 * "Faire à la place" exactly one mandate duration.
 *
 * <p>It enumerates every combination of the four dimension levels (5 × 5 × 5 × 5) × every subset of
 * the flags the primary and mandate-duration rows read, found in the rule base itself (the
 * properties of {@link Situation} their conditions test, see {@link Critere}). It reports, in
 * French, each combination where no row or several rows apply, merged into readable groups
 * ("quelles que soient les autres réponses"). It also checks what can be checked without running:
 * every row has an explanation and says which table it belongs to, condition cells hold known
 * words, explanations use known placeholders.
 *
 * <p>Works on any compiled rule base that follows the tables' conventions: the shipped kjar or
 * uploaded tables compiled at run time.
 */
public final class RulesetCompleteness {

    /** Value of the {@value DecisionCollector#DECISION} metadata of the primary orientation rows. */
    public static final String PRIMARY = "orientation-principale";
    /** Value of the {@value DecisionCollector#DECISION} metadata of the mandate duration rows. */
    public static final String MANDATE_DURATION = "mandat-duree";
    static final Set<String> DECISIONS =
            Set.of(PRIMARY, "actions-complementaires", "ressources-annuaire", MANDATE_DURATION, "mandat-categories");

    private static final java.util.regex.Pattern COMPARISON =
            java.util.regex.Pattern.compile("\\b(\\w+)\\s*(==|not contains|contains)\\s*\"([^\"]*)\"");
    private static final int MAX_MESSAGES_PER_PROBLEM = 50;

    /** What kind of problem. */
    public enum Kind {
        NO_PRIMARY_ROW, SEVERAL_PRIMARY_ROWS, NO_MANDATE_DURATION, SEVERAL_MANDATE_DURATIONS, MANDATE_WITHOUT_ON_BEHALF,
        ROW_ERROR, UNKNOWN_VALUE, MISSING_EXPLANATION, UNKNOWN_TABLE, UNKNOWN_PLACEHOLDER
    }

    /**
     * One problem: its kind, the rows involved, and French messages (one per group of answer
     * combinations when it depends on the answers); {@code profiles} counts the combinations.
     */
    public record Problem(Kind kind, List<String> rows, List<String> messages, long profiles) {

        public Problem {
            rows = List.copyOf(rows);
            messages = List.copyOf(messages);
        }
    }

    /** The result: how many profiles were tried, over which flags, and the problems found. */
    public record Report(long profiles, List<String> flags, List<Problem> problems) {

        public Report {
            flags = List.copyOf(flags);
            problems = List.copyOf(problems);
        }

        public boolean isComplete() {
            return problems.isEmpty();
        }

        /** Every message, in French, for the analyst. */
        public List<String> messages() {
            return problems.stream().flatMap(p -> p.messages().stream()).toList();
        }

        @Override
        public String toString() {
            return isComplete()
                    ? "Tables complètes : " + profiles + " profils vérifiés (indicateurs : " + String.join(", ", flags) + ")"
                    : String.join("\n", messages());
        }
    }

    private RulesetCompleteness() {
    }

    /** Checks a compiled rule base (kjar or uploaded tables). */
    public static Report check(KieBase kieBase) {
        try (OrientationRules rules = new OrientationRules(kieBase, "vérification")) {
            return check(rules);
        }
    }

    /** Checks the rule base of a policy, e.g. {@code check(new DroolsOrientationPolicy().rules())}. */
    public static Report check(OrientationRules rules) {
        List<Problem> problems = new ArrayList<>(staticProblems(rules.kieBase()));
        Set<String> flags = new TreeSet<>(flagsRead(rules.kieBase(), Set.of(PRIMARY, MANDATE_DURATION)));
        Enumeration run = enumerate(rules, List.copyOf(flags));
        problems.addAll(run.problems());
        return new Report(run.profiles(), List.copyOf(flags), problems);
    }

    /** Checks with an explicit list of flags to enumerate (instead of those the rows read). */
    public static Report check(OrientationRules rules, Collection<String> flags) {
        List<Problem> problems = new ArrayList<>(staticProblems(rules.kieBase()));
        Enumeration run = enumerate(rules, List.copyOf(new TreeSet<>(flags)));
        problems.addAll(run.problems());
        return new Report(run.profiles(), List.copyOf(new TreeSet<>(flags)), problems);
    }

    // ------------------------------------------------------------------------------ static part

    /** The flags read by the conditions of the rows of the given tables. */
    public static Set<String> flagsRead(KieBase kieBase, Set<String> decisions) {
        Set<String> flags = new HashSet<>();
        for (Rule rule : rules(kieBase)) {
            if (decisions.contains(String.valueOf(DecisionCollector.metadata(rule, DecisionCollector.DECISION)))) {
                for (String text : situationConstraints(rule)) {
                    flags.addAll(flagsRead(text));
                }
            }
        }
        return flags;
    }

    /** The flags one condition reads: per compared value for a multi-valued criterion, else the criterion's. */
    static Set<String> flagsRead(String constraint) {
        Set<String> flags = new HashSet<>();
        for (Critere critere : Critere.values()) {
            if (!java.util.regex.Pattern.compile("\\b" + critere.property() + "\\b").matcher(constraint).find()) {
                continue;
            }
            if (!critere.isMultiple()) {
                flags.addAll(critere.flags());
                continue;
            }
            Matcher m = COMPARISON.matcher(constraint);
            boolean compared = false;
            while (m.find()) {
                if (m.group(1).equals(critere.property())) {
                    flags.addAll(critere.flagsFor(m.group(3)));
                    compared = true;
                }
            }
            if (!compared) {
                flags.addAll(critere.flags());
            }
        }
        return flags;
    }

    static List<Problem> staticProblems(KieBase kieBase) {
        List<Problem> problems = new ArrayList<>();
        for (Rule rule : rules(kieBase)) {
            String name = rule.getName();
            String decision = DecisionCollector.metadata(rule, DecisionCollector.DECISION);
            if (decision == null || !DECISIONS.contains(decision)) {
                problems.add(problem(Kind.UNKNOWN_TABLE, name, "La ligne " + name + " n'indique pas à quelle table elle "
                        + "appartient (ligne technique de la colonne « Explication » modifiée ?)."));
            }
            String text = DecisionCollector.metadata(rule, DecisionCollector.EXPLANATION);
            if (text == null || text.isBlank()) {
                problems.add(problem(Kind.MISSING_EXPLANATION, name, "La ligne " + name + " n'a pas d'explication."));
            } else {
                for (String unknown : Vocabulaire.unknownPlaceholders(text)) {
                    problems.add(problem(Kind.UNKNOWN_PLACEHOLDER, name, "La ligne " + name + " cite " + unknown
                            + " dans son explication, qui n'est pas un repère connu (repères possibles : "
                            + String.join(", ", Vocabulaire.placeholders()) + ")."));
                }
            }
            for (String constraint : situationConstraints(rule)) {
                Matcher m = COMPARISON.matcher(constraint);
                while (m.find()) {
                    Critere critere = Critere.byProperty(m.group(1)).orElse(null);
                    if (critere != null && !critere.accepted().contains(m.group(3))) {
                        problems.add(problem(Kind.UNKNOWN_VALUE, name, "Ligne " + name + " : la valeur « " + m.group(3)
                                + " » n'est pas reconnue dans la colonne « " + critere.header() + " » (valeurs possibles : "
                                + String.join(", ", critere.accepted()) + ")."));
                    }
                }
            }
        }
        return problems;
    }

    private static Problem problem(Kind kind, String row, String message) {
        return new Problem(kind, List.of(row), List.of(message), 0);
    }

    static List<Rule> rules(KieBase kieBase) {
        List<Rule> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            rules.addAll(pkg.getRules());
        }
        rules.sort(Comparator.comparing(Rule::getName));
        return rules;
    }

    /** The text of the row's conditions on the {@link Situation} fact. */
    static List<String> situationConstraints(Rule rule) {
        List<String> texts = new ArrayList<>();
        if (rule instanceof RuleImpl impl) {
            collect(impl.getLhs(), texts);
        }
        return texts;
    }

    private static void collect(RuleConditionElement element, List<String> texts) {
        if (element instanceof GroupElement group) {
            for (RuleConditionElement child : group.getChildren()) {
                collect(child, texts);
            }
        } else if (element instanceof Pattern pattern) {
            if (pattern.getObjectType() instanceof ClassObjectType type && type.getClassType() == Situation.class) {
                for (Constraint constraint : pattern.getConstraints()) {
                    texts.add(constraint.toString());
                }
            }
        }
    }

    // ------------------------------------------------------------------------------ enumeration

    private record Enumeration(long profiles, List<Problem> problems) {
    }

    /** A group of combinations sharing a problem: kind and rows involved. */
    private record Key(Kind kind, List<String> rows, String detail) {
    }

    private static Enumeration enumerate(OrientationRules rules, List<String> flags) {
        Level[] levels = Level.values();
        int dims = 4;
        int flagCount = flags.size();
        if (flagCount > 20) {
            throw new IllegalArgumentException("too many flags to enumerate: " + flags);
        }
        int subsets = 1 << flagCount;
        int levelCombos = (int) Math.pow(levels.length, dims);
        Map<Key, Set<List<Integer>>> found = new ConcurrentHashMap<>();
        IntStream.range(0, levelCombos).parallel().forEach(combo -> {
            int[] lv = new int[dims];
            int rest = combo;
            for (int d = 0; d < dims; d++) {
                lv[d] = rest % levels.length;
                rest /= levels.length;
            }
            for (int mask = 0; mask < subsets; mask++) {
                Set<String> set = new HashSet<>();
                for (int i = 0; i < flagCount; i++) {
                    if ((mask & 1 << i) != 0) {
                        set.add(flags.get(i));
                    }
                }
                Profile profile = new Profile(levels[lv[0]], levels[lv[1]], levels[lv[2]], levels[lv[3]], set);
                Key key = classify(rules, profile);
                if (key != null) {
                    List<Integer> vector = new ArrayList<>(dims + flagCount);
                    for (int d = 0; d < dims; d++) {
                        vector.add(lv[d]);
                    }
                    for (int i = 0; i < flagCount; i++) {
                        vector.add((mask & 1 << i) != 0 ? 1 : 0);
                    }
                    found.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(vector);
                }
            }
        });
        List<Problem> problems = new ArrayList<>();
        found.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Key, Set<List<Integer>>> e) -> e.getKey().kind())
                        .thenComparing(e -> e.getKey().rows().toString()))
                .forEach(e -> problems.add(describe(e.getKey(), e.getValue(), flags)));
        return new Enumeration((long) levelCombos * subsets, problems);
    }

    private static Key classify(OrientationRules rules, Profile profile) {
        DecisionCollector collector;
        try {
            collector = rules.collect(profile);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            String row = rowOf(e);
            return new Key(Kind.ROW_ERROR, row == null ? List.of() : List.of(row), String.valueOf(cause.getMessage()));
        }
        List<PrimaryProposal> primaries = collector.primaries();
        if (primaries.isEmpty()) {
            return new Key(Kind.NO_PRIMARY_ROW, List.of(), "");
        }
        if (primaries.size() > 1) {
            return new Key(Kind.SEVERAL_PRIMARY_ROWS, primaries.stream().map(p -> p.reason().rule()).sorted().toList(), "");
        }
        List<String> durations = collector.durationRows();
        if (primaries.get(0).primary() == Orientation.ON_BEHALF) {
            if (durations.isEmpty()) {
                return new Key(Kind.NO_MANDATE_DURATION, List.of(primaries.get(0).reason().rule()), "");
            }
            if (durations.size() > 1) {
                return new Key(Kind.SEVERAL_MANDATE_DURATIONS, durations.stream().sorted().toList(), "");
            }
        } else if (!durations.isEmpty() || collector.hasMandateCategory()) {
            return new Key(Kind.MANDATE_WITHOUT_ON_BEHALF, durations.stream().sorted().toList(), "");
        }
        return null;
    }

    /** The rule whose consequence failed, from Drools' ConsequenceException message, if any. */
    private static String rowOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConsequenceException failed && failed.getRule() != null) {
                return failed.getRule().getName();
            }
        }
        return null;
    }

    private static Problem describe(Key key, Set<List<Integer>> vectors, List<String> flags) {
        List<List<Integer>> cubes = merge(vectors, flags.size());
        String rows = String.join(", ", key.rows());
        String lead = switch (key.kind()) {
            case NO_PRIMARY_ROW -> "Aucune ligne de la table d'orientation principale ne s'applique quand : ";
            case SEVERAL_PRIMARY_ROWS -> "Plusieurs lignes de la table d'orientation principale s'appliquent à la fois ("
                    + rows + ") quand : ";
            case NO_MANDATE_DURATION -> "Orientation « Faire à la place » (ligne " + rows
                    + ") sans aucune ligne de durée de mandat quand : ";
            case SEVERAL_MANDATE_DURATIONS -> "Plusieurs lignes de durée de mandat s'appliquent à la fois (" + rows + ") quand : ";
            case MANDATE_WITHOUT_ON_BEHALF -> "Un mandat est proposé alors que l'orientation n'est pas « Faire à la place » ("
                    + rows + ") quand : ";
            case ROW_ERROR -> (key.rows().isEmpty() ? "Erreur" : "La ligne " + rows + " provoque une erreur") + " : "
                    + key.detail() + " ; par exemple quand : ";
            default -> throw new IllegalStateException(key.kind().toString());
        };
        List<String> messages = new ArrayList<>();
        long profiles = 0;
        for (List<Integer> cube : cubes) {
            profiles += size(cube, flags.size());
        }
        int shown = key.kind() == Kind.ROW_ERROR ? 1 : MAX_MESSAGES_PER_PROBLEM;
        for (List<Integer> cube : cubes.subList(0, Math.min(shown, cubes.size()))) {
            messages.add(lead + describe(cube, flags) + ".");
        }
        if (cubes.size() > shown) {
            messages.add("… et " + (cubes.size() - shown) + " autres groupes de réponses pour le même problème.");
        }
        return new Problem(key.kind(), key.rows(), messages, profiles);
    }

    private static final String[] DIMENSIONS = {"Accès", "Compétences", "Motivation", "Banque"};

    private static String describe(List<Integer> cube, List<String> flags) {
        List<String> parts = new ArrayList<>();
        Level[] levels = Level.values();
        for (int d = 0; d < 4; d++) {
            if (cube.get(d) >= 0) {
                parts.add(DIMENSIONS[d] + " = " + levels[cube.get(d)].label());
            }
        }
        for (int i = 0; i < flags.size(); i++) {
            int v = cube.get(4 + i);
            if (v >= 0) {
                parts.add(Vocabulaire.flag(flags.get(i)) + " = " + (v == 1 ? "oui" : "non"));
            }
        }
        return parts.isEmpty() ? "quelles que soient les réponses" : String.join(", ", parts)
                + (parts.size() < 4 + flags.size() ? " (quelles que soient les autres réponses)" : "");
    }

    private static long size(List<Integer> cube, int flagCount) {
        long n = 1;
        for (int i = 0; i < cube.size(); i++) {
            if (cube.get(i) < 0) {
                n *= i < 4 ? Level.values().length : 2;
            }
        }
        return n;
    }

    /**
     * Merges combinations into groups: along each dimension in turn, the combinations that differ
     * only there and cover all its values become one group where that dimension is "any" (-1).
     */
    static List<List<Integer>> merge(Set<List<Integer>> vectors, int flagCount) {
        Set<List<Integer>> cubes = new HashSet<>(vectors);
        int width = 4 + flagCount;
        for (int d = 0; d < width; d++) {
            int domain = d < 4 ? Level.values().length : 2;
            Map<List<Integer>, Set<Integer>> byRest = new HashMap<>();
            for (List<Integer> cube : cubes) {
                List<Integer> rest = new ArrayList<>(cube);
                rest.set(d, -2);
                byRest.computeIfAbsent(rest, k -> new HashSet<>()).add(cube.get(d));
            }
            Set<List<Integer>> next = new HashSet<>();
            for (Map.Entry<List<Integer>, Set<Integer>> e : byRest.entrySet()) {
                if (e.getValue().size() == domain) { // every value present: one group, whatever the value
                    List<Integer> any = new ArrayList<>(e.getKey());
                    any.set(d, -1);
                    next.add(any);
                } else {
                    for (Integer v : e.getValue()) {
                        List<Integer> cube = new ArrayList<>(e.getKey());
                        cube.set(d, v);
                        next.add(cube);
                    }
                }
            }
            cubes = next;
        }
        List<List<Integer>> sorted = new ArrayList<>(cubes);
        sorted.sort(Comparator.comparing(List::toString));
        return sorted;
    }
}
