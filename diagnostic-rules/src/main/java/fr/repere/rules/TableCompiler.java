package fr.repere.rules;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.KieContainer;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles decision tables ({@code *.drl.xlsx}) at run time, the way the kjar build does (same
 * package, same executable model), e.g. tables a department uploads. The compiled rule base
 * lives in its own {@link KieContainer}; {@link Compiled#close()} releases it.
 */
public final class TableCompiler {

    static final String FOLDER = "src/main/resources/fr/repere/rules/orientation/";
    private static final Pattern RULE_AT = Pattern.compile("// rule values at ([A-Z]+)(\\d+), header at [A-Z]+\\d+\\s*\\R\\s*rule \"([^\"]+)\"");

    /** A problem found while compiling: the file, the spreadsheet row and table row when known, the compiler's text. */
    public record CompileProblem(String file, Integer row, String rule, String text) {
    }

    /** Where a table row (rule) is: file and spreadsheet row number (1-based, as LibreOffice shows it). */
    public record Location(String file, int row) {
    }

    /** The tables do not compile. */
    public static final class CompilationException extends RuntimeException {
        private final transient List<CompileProblem> problems;

        CompilationException(List<CompileProblem> problems) {
            super(problems.size() + " compile problem(s), first: " + problems.get(0).text());
            this.problems = List.copyOf(problems);
        }

        public List<CompileProblem> problems() {
            return problems;
        }
    }

    /** A compiled rule base and the container that holds it. */
    public record Compiled(KieBase kieBase, KieContainer container) implements AutoCloseable {
        @Override
        public void close() {
            container.dispose();
        }
    }

    private TableCompiler() {
    }

    /**
     * Compiles tables (file name → XLSX bytes) with the given class loader (it must see this
     * module's classes: {@link Situation}, {@link DecisionCollector}…).
     *
     * @throws CompilationException with every error, located by file and spreadsheet row when possible
     */
    public static Compiled compile(Map<String, byte[]> tables, ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader");
        KieServices ks = KieServices.get();
        // a fresh release id per compilation: the KieRepository caches modules by release id
        ReleaseId releaseId = ks.newReleaseId("fr.repere", "orientation-tables", "0.0.0-" + UUID.randomUUID());
        KieFileSystem files = ks.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        KieModuleModel module = ks.newKieModuleModel();
        KieBaseModel base = module.newKieBaseModel(DroolsOrientationPolicy.KBASE)
                .addPackage("fr.repere.rules.orientation").setDefault(true)
                .setEqualsBehavior(EqualityBehaviorOption.IDENTITY)
                .setEventProcessingMode(EventProcessingOption.CLOUD);
        base.newKieSessionModel("orientation-session").setDefault(true);
        files.writeKModuleXML(module.toXML());
        tables.forEach((name, bytes) -> files.write(FOLDER + name, bytes));

        List<CompileProblem> problems = new ArrayList<>();
        Map<String, Location> rows = index(tables, problems);
        if (!problems.isEmpty()) {
            throw new CompilationException(problems);
        }
        KieBuilder builder = ks.newKieBuilder(files, classLoader).buildAll(ExecutableModelProject.class);
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(locate(message, rows));
        }
        if (!problems.isEmpty()) {
            throw new CompilationException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId, classLoader);
        KieBase kieBase = container.getKieBase(DroolsOrientationPolicy.KBASE);
        ks.getRepository().removeKieModule(releaseId); // the container keeps it; the repository would keep every upload
        return new Compiled(kieBase, container);
    }

    /**
     * Where each row of the tables is (rule name → file and spreadsheet row), from the DRL Drools
     * generates for each file; a file whose layout cannot be read is reported in {@code problems}.
     */
    public static Map<String, Location> index(Map<String, byte[]> tables, List<CompileProblem> problems) {
        Map<String, Location> rows = new LinkedHashMap<>();
        tables.forEach((file, bytes) -> {
            try {
                String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytes), InputType.XLS);
                Matcher m = RULE_AT.matcher(drl);
                while (m.find()) {
                    rows.put(m.group(3), new Location(file, Integer.parseInt(m.group(2))));
                }
            } catch (RuntimeException e) {
                problems.add(new CompileProblem(file, null, null, "Le fichier ne peut pas être lu comme une table de décision : "
                        + e.getMessage()));
            }
        });
        return rows;
    }

    private static CompileProblem locate(Message message, Map<String, Location> rows) {
        String text = message.getText();
        for (Map.Entry<String, Location> row : rows.entrySet()) {
            if (text.contains(row.getKey())) {
                return new CompileProblem(row.getValue().file(), row.getValue().row(), row.getKey(), text);
            }
        }
        String path = message.getPath();
        String file = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
        return new CompileProblem(file, null, null, text);
    }
}
