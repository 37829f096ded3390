package fr.repere.rules;

import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.OrientationPolicy;
import fr.repere.diagnostic.Profile;
import fr.repere.ruleset.InvalidRulesetException;
import fr.repere.ruleset.RuleBaseCompiler;
import fr.repere.ruleset.RulesetProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link RuleBaseCompiler} for the department's uploaded decision tables. An upload is data, never
 * code: each table is first held to the shipped table of the same name ({@link TableTemplate}:
 * every cell outside the rule rows equal) and rebuilt from the shipped technical cells and the
 * uploaded values, whose every cell is then checked ({@link TableCellCheck}); only then is the
 * rebuilt workbook compiled like the kjar build ({@link TableCompiler}) and its rules fired by
 * {@link RulesetCompleteness}. Every problem is located (file, sheet, spreadsheet row, column) and
 * worded for a department analyst. The shipped tables, unchanged, give the kjar's policy (checked at build
 * time) without recompiling.
 *
 * <p>Thread-safe. A compilation takes a few seconds and the completeness check about twenty more
 * (2,560,000 profiles on two cores since ruleset 1.1.0 reads 12 flags; 8 s for 1.0.0's 10 flags):
 * call it on upload, not per request.
 */
public final class DroolsRuleBaseCompiler implements RuleBaseCompiler {

    /** The decision tables shipped in this jar, in the order they are documented. */
    public static final List<String> SHIPPED_TABLES = List.of("orientation-principale.drl.xlsx",
            "actions-complementaires.drl.xlsx", "ressources-annuaire.drl.xlsx", "mandat.drl.xlsx");
    static final String SHEET = "Table";
    private static final String FOLDER = "fr/repere/rules/orientation/";

    private final ClassLoader classLoader;
    private volatile DroolsOrientationPolicy shipped;

    public DroolsRuleBaseCompiler(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    @Override
    public String shippedVersion() {
        return DroolsOrientationPolicy.readVersion(classLoader);
    }

    @Override
    public Map<String, byte[]> shippedTables() {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (String file : SHIPPED_TABLES) {
            try (InputStream in = classLoader.getResourceAsStream(FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + FOLDER + file);
                }
                tables.put(file, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + FOLDER + file, e);
            }
        }
        return Collections.unmodifiableMap(tables);
    }

    /**
     * @throws InvalidRulesetException with every problem: a file that is not a decision table, a
     *         row that does not compile, a profile with no or several primary orientations, an
     *         unknown word in a cell…
     */
    @Override
    public OrientationPolicy compile(String version, Map<String, byte[]> tables) {
        return compile(version, tables, true);
    }

    /** Tables that passed {@link #compile} before: compiled again, the completeness check skipped. */
    @Override
    public OrientationPolicy load(String version, Map<String, byte[]> tables) {
        return compile(version, tables, false);
    }

    private OrientationPolicy compile(String version, Map<String, byte[]> tables, boolean checkCompleteness) {
        Objects.requireNonNull(version, "version");
        if (version.equals(shippedVersion()) && sameAsShipped(tables)) {
            return shippedPolicy();
        }
        List<RulesetProblem> problems = new ArrayList<>();
        // nothing uploaded is compiled, let alone fired, before every check passed; what is compiled is
        // rebuilt from the shipped tables' technical cells and the uploaded values (see TableTemplate)
        Map<String, byte[]> rebuilt = rebuilt(tables, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRulesetException(problems);
        }
        problems.addAll(TableCellCheck.check(rebuilt));
        if (!problems.isEmpty()) {
            throw new InvalidRulesetException(problems);
        }
        tables = rebuilt;
        Map<String, TableCompiler.Location> rows = TableCompiler.index(tables, new ArrayList<>());
        TableCompiler.Compiled compiled;
        try {
            compiled = TableCompiler.compile(tables, classLoader);
        } catch (TableCompiler.CompilationException e) {
            for (TableCompiler.CompileProblem p : e.problems()) {
                // the cell check passed, so the cells hold known words: what is left is rare (a formula, a technical row)
                String where = p.rule() == null ? "Cette table ne se compile pas" : "La ligne " + p.rule() + " ne se compile pas";
                problems.add(new RulesetProblem(p.file(), p.file() == null ? null : SHEET, p.row(), null, where
                        + ". Vérifiez ses cases (une valeur par case, séparées par des virgules, sans formule) et que les "
                        + "lignes techniques grises n'ont pas été modifiées. Détail pour l'équipe technique : " + p.text()));
            }
            throw new InvalidRulesetException(problems);
        }
        OrientationRules rules = new OrientationRules(compiled.kieBase(), version);
        RulesetCompleteness.Report report = checkCompleteness ? RulesetCompleteness.check(rules) : null;
        if (report != null && !report.isComplete()) {
            for (RulesetCompleteness.Problem problem : report.problems()) {
                TableCompiler.Location at = problem.rows().isEmpty() ? null : rows.get(problem.rows().get(0));
                String file = at != null ? at.file() : SHIPPED_TABLES.get(0);
                for (String message : problem.messages()) {
                    problems.add(new RulesetProblem(file, SHEET, at == null ? null : at.row(), null, message));
                }
            }
            rules.close();
            compiled.close();
            throw new InvalidRulesetException(problems);
        }
        return new CompiledPolicy(compiled, rules);
    }

    /**
     * Each uploaded table checked against the shipped table of the same name and rebuilt from it;
     * a name Repère does not ship is refused (there is no shipped structure to hold it to).
     */
    private Map<String, byte[]> rebuilt(Map<String, byte[]> tables, List<RulesetProblem> problems) {
        Map<String, byte[]> shippedTables = shippedTables();
        Map<String, byte[]> rebuilt = new LinkedHashMap<>();
        tables.forEach((name, bytes) -> {
            if (!name.endsWith(".drl.xlsx")) {
                problems.add(new RulesetProblem(name, null, null, null, "Le nom d'une table de décision doit finir par .drl.xlsx."));
            } else if (!shippedTables.containsKey(name)) {
                problems.add(new RulesetProblem(name, null, null, null, "Repère ne connaît pas de table « " + name
                        + " » : déposez les tables téléchargées depuis Repère sous leur nom (" + String.join(", ", SHIPPED_TABLES)
                        + "). Une table nouvelle demande une évolution de Repère."));
            } else {
                TableTemplate.Rebuilt table = TableTemplate.rebuild(name, shippedTables.get(name), bytes);
                problems.addAll(table.problems());
                rebuilt.put(name, table.xlsx());
            }
        });
        return rebuilt;
    }

    /** Closes an uploaded version's rule base; the shipped policy is shared and stays open. */
    @Override
    public void release(OrientationPolicy policy) {
        if (policy instanceof CompiledPolicy compiled) {
            compiled.close();
        }
    }

    private boolean sameAsShipped(Map<String, byte[]> tables) {
        Map<String, byte[]> shippedTables = shippedTables();
        if (!shippedTables.keySet().equals(tables.keySet())) {
            return false;
        }
        return shippedTables.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), tables.get(e.getKey())));
    }

    private DroolsOrientationPolicy shippedPolicy() {
        DroolsOrientationPolicy policy = shipped;
        if (policy == null) {
            synchronized (this) {
                policy = shipped;
                if (policy == null) {
                    policy = new DroolsOrientationPolicy(classLoader);
                    shipped = policy;
                }
            }
        }
        return policy;
    }

    /** A policy over tables compiled at run time; {@link #close()} releases them. */
    public static final class CompiledPolicy implements OrientationPolicy, AutoCloseable {
        private final TableCompiler.Compiled compiled;
        private final OrientationRules rules;

        CompiledPolicy(TableCompiler.Compiled compiled, OrientationRules rules) {
            this.compiled = compiled;
            this.rules = rules;
        }

        @Override
        public OrientationDecision orient(Profile profile) {
            return rules.evaluate(profile).decision();
        }

        public Evaluation evaluate(Profile profile) {
            return rules.evaluate(profile);
        }

        @Override
        public void close() {
            rules.close();
            compiled.close();
        }
    }
}
