package fr.repere.ruleset;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The use cases of ruleset versions: upload (compiled and checked before anything is stored),
 * activate (explicit; the previous version is retired but kept), and going back to the rules
 * shipped with the application. Transactions are the caller's.
 */
public final class Rulesets {

    private final RulesetRepository repository;
    private final RuleBaseCompiler compiler;
    private final Clock clock;

    public Rulesets(RulesetRepository repository, RuleBaseCompiler compiler, Clock clock) {
        this.repository = repository;
        this.compiler = compiler;
        this.clock = clock;
    }

    public Ruleset upload(String version, String description, Map<String, byte[]> tables) {
        List<RulesetProblem> problems = new ArrayList<>();
        if (version == null || !Ruleset.VERSION.matcher(version).matches()) {
            problems.add(RulesetProblem.general("Numéro de version invalide : 1 à 32 caractères, lettres, chiffres, . _ -"));
        } else if (version.equals(compiler.shippedVersion()) || repository.find(version).isPresent()) {
            problems.add(RulesetProblem.general("La version " + version + " existe déjà : choisissez un nouveau numéro."));
        }
        if (tables.isEmpty()) {
            problems.add(RulesetProblem.general("Aucune table de décision (fichier .drl.xlsx) n'a été envoyée."));
        }
        tables.keySet().stream().filter(name -> !name.endsWith(".drl.xlsx")).forEach(name -> problems.add(
                new RulesetProblem(name, null, null, null, "Le nom d'une table de décision doit finir par .drl.xlsx.")));
        if (!problems.isEmpty()) {
            throw new InvalidRulesetException(problems);
        }
        compiler.release(compiler.compile(version, tables)); // throws with every compile or completeness problem
        Ruleset ruleset = Ruleset.checked(version, description, tables, clock.instant());
        repository.store(ruleset);
        return ruleset;
    }

    /** Makes a version active; {@code null} or the shipped version goes back to the shipped rules. */
    public void activate(String version) {
        repository.active().ifPresent(Ruleset::retire);
        if (version != null && !version.equals(compiler.shippedVersion())) {
            repository.find(version).orElseThrow(() -> new UnknownRulesetException(version)).activate(clock.instant());
        }
    }

    /** The version in force and its tables: the active upload, or else the shipped rules. */
    public Map.Entry<String, Map<String, byte[]>> inForce() {
        return repository.active()
                .map(r -> Map.entry(r.version(), r.tables()))
                .orElseGet(() -> Map.entry(compiler.shippedVersion(), compiler.shippedTables()));
    }
}
