package fr.repere.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The use cases of ruleset versions, each within one organisation: upload (compiled and checked
 * before anything is stored), activate (explicit; the previous version is retired but kept), and
 * going back to the rules shipped with the application, which are every organisation's default.
 * Another organisation's versions are unknown here. Transactions are the caller's.
 */
@ApplicationScoped
public class Rulesets {

    private RulesetRepository repository;
    private RuleBaseCompiler compiler;
    private Clock clock;

    /** For CDI's proxy. */
    protected Rulesets() {
    }

    @Inject
    public Rulesets(RulesetRepository repository, RuleBaseCompiler compiler, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Ruleset upload(String organisation, String version, String description, Map<String, byte[]> tables) {
        List<RulesetProblem> problems = new ArrayList<>();
        if (version == null || !Ruleset.VERSION.matcher(version).matches()) {
            problems.add(RulesetProblem.general("Numéro de version invalide : 1 à 32 caractères, lettres, chiffres, . _ -"));
        } else if (version.equals(compiler.shippedVersion()) || repository.find(organisation, version).isPresent()) {
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
        Ruleset ruleset = Ruleset.checked(organisation, version, description, tables, clock.instant());
        repository.store(ruleset);
        repository.flush(); // a failure to write (a concurrent upload of the same version) shows here, not at commit
        return ruleset;
    }

    /**
     * Makes a version of the organisation active; {@code null} or the shipped version goes back to
     * the shipped rules.
     *
     * @throws UnknownRulesetException if the organisation has no such version (another's included)
     */
    public void activate(String organisation, String version) {
        // first the lock, then every read as last committed: a version read before it could be stale
        // (retired meanwhile by a concurrent activation) and its activation then written as no change
        Optional<Ruleset> active = repository.lockActive(organisation);
        Optional<Ruleset> next = version == null || version.equals(compiler.shippedVersion()) ? Optional.empty()
                : Optional.of(repository.findLocked(organisation, version).orElseThrow(() -> new UnknownRulesetException(version)));
        active.ifPresent(previous -> {
            previous.retire();
            // written before the next one is activated: the database holds one active version at a
            // time (V22), and a flush may write the two rows in either order
            repository.flush();
        });
        next.ifPresent(r -> r.activate(clock.instant()));
        repository.flush(); // likewise for a concurrent activation
    }

    /** The organisation's version in force and its tables: its active upload, or else the shipped rules. */
    public Map.Entry<String, Map<String, byte[]>> inForce(String organisation) {
        return repository.active(organisation)
                .map(r -> Map.entry(r.version(), r.tables()))
                .orElseGet(() -> Map.entry(compiler.shippedVersion(), compiler.shippedTables()));
    }

    /** The tables of a version the organisation can see: the shipped rules or one of its uploads. */
    public Optional<Map<String, byte[]>> tables(String organisation, String version) {
        if (version.equals(compiler.shippedVersion())) {
            return Optional.of(compiler.shippedTables());
        }
        return repository.find(organisation, version).map(Ruleset::tables);
    }

    /** Every version the organisation uploaded, oldest first. */
    public List<Ruleset> uploaded(String organisation) {
        return repository.all(organisation);
    }

    /** The version of the rules shipped with the application, every organisation's default. */
    public String shippedVersion() {
        return compiler.shippedVersion();
    }

    /** The organisation of a team, whose rules its workers' diagnostics use. */
    public Optional<String> organisationOf(String team) {
        return repository.organisationOf(team);
    }
}
