package fr.repere.rules;

import fr.repere.diagnostic.Profile;
import fr.repere.scoring.Level;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The vocabulary of the decision tables' condition columns: what a column may test about the
 * person, in French, and which questionnaire answers (flags or dimension levels) it reads.
 *
 * <p>Each constant is a property of the {@link Situation} fact ({@link #property()}, e.g.
 * {@code competences}); a table cell compares it with one of {@link #accepted()} (e.g. "Fragile",
 * "oui"). {@link RulesetCompleteness} uses {@link #flags()} to know which flags to enumerate and
 * {@link #accepted()} to reject a misspelt cell.
 */
public enum Critere {

    // dimension levels: the labels of Level, as a worker reads them
    ACCES("acces", "Accès (équipement, connexion)", Dimension.ACCESS),
    COMPETENCES("competences", "Compétences numériques", Dimension.SKILLS),
    MOTIVATION("motivation", "Motivation", Dimension.MOTIVATION),
    BANQUE("banque", "Contraintes bancaires", Dimension.BANKING),

    // pending procedure, from two flags
    DEMARCHE("demarche", "Démarche en ligne à faire", List.of(Vocabulaire.URGENTE, Vocabulaire.PLUS_TARD, Vocabulaire.AUCUNE),
            Set.of("URGENT_PROCEDURE", "PENDING_PROCEDURE"), p -> p.hasFlag("URGENT_PROCEDURE") ? Vocabulaire.URGENTE
                    : p.hasFlag("PENDING_PROCEDURE") ? Vocabulaire.PLUS_TARD : Vocabulaire.AUCUNE),
    CHOIX_SANS_INTERNET("choixSansInternet", "Se passe d'internet et n'a aucune démarche à faire",
            Set.of("HAPPY_NON_USER", "PENDING_PROCEDURE", "URGENT_PROCEDURE"),
            p -> p.hasFlag("HAPPY_NON_USER") && !p.hasFlag("PENDING_PROCEDURE") && !p.hasFlag("URGENT_PROCEDURE")),

    // one flag each (or two for "lectureOuLangue" and "geneVueOuMains")
    NON_USAGER_HEUREUX("nonUsagerHeureux", "Se passe très bien d'internet", "HAPPY_NON_USER"),
    PREFERE_DELEGATION("prefereDelegation", "Préfère qu'on fasse à sa place", "PREFERS_DELEGATION"),
    PEUR_INTERNET("peurInternet", "A peur d'internet (erreurs, arnaques)", "FEARS_ONLINE"),
    SANS_AIDE("sansAide", "Personne pour l'aider", "NO_HELPER"),
    TROUBLES_COGNITIFS("troublesCognitifs", "Gêne pour se concentrer, retenir ou comprendre", "DISABILITY_COGNITIVE"),
    LECTURE_OU_LANGUE("lectureOuLangue", "Lit difficilement ou maîtrise mal le français",
            Set.of("READING_DIFFICULTY", "LANGUAGE_BARRIER"),
            p -> p.hasFlag("READING_DIFFICULTY") || p.hasFlag("LANGUAGE_BARRIER")),
    GENE_VUE_OU_MAINS("geneVueOuMains", "Gêne pour voir l'écran, ou pour les mains et les déplacements",
            Set.of("DISABILITY_VISUAL", "DISABILITY_MOTOR"),
            p -> p.hasFlag("DISABILITY_VISUAL") || p.hasFlag("DISABILITY_MOTOR")),
    DIFFICULTE_LECTURE("difficulteLecture", "Lit difficilement", "READING_DIFFICULTY"),
    BARRIERE_LANGUE("barriereLangue", "Maîtrise mal le français", "LANGUAGE_BARRIER"),
    SANS_APPAREIL("sansAppareil", "Pas d'appareil à soi", "NO_DEVICE"),
    SANS_INTERNET("sansInternet", "Pas d'internet chez soi", "NO_INTERNET"),
    FORFAIT_EPUISE("forfaitEpuise", "Forfait ou crédit souvent épuisé", "DATA_RUNS_OUT"),
    RECHARGES_PREPAYEES("rechargesPrepayees", "Téléphone à recharges prépayées", "PREPAID_PHONE_ONLY"),
    SANS_COMPTE_BANCAIRE("sansCompteBancaire", "Pas de compte bancaire", "NO_BANK_ACCOUNT"),
    BUDGET_DIFFICILE("budgetDifficile", "Difficultés à payer les dépenses du mois", "BUDGET_DIFFICULTY"),
    SANS_EMAIL("sansEmail", "Pas d'adresse e-mail utilisable", "NO_EMAIL"),
    SANS_FRANCECONNECT("sansFranceConnect", "Pas de compte FranceConnect utilisable", "NO_FRANCECONNECT"),
    DEFICIENCE_VISUELLE("deficienceVisuelle", "Gêne pour voir l'écran", "DISABILITY_VISUAL"),
    DEFICIENCE_AUDITIVE("deficienceAuditive", "Gêne pour entendre", "DISABILITY_HEARING"),
    HANDICAP_MOTEUR("handicapMoteur", "Gêne pour bouger les mains ou se déplacer", "DISABILITY_MOTOR"),
    PLUS_DE_65_ANS("plusDe65Ans", "65 ans ou plus", "AGE_65_PLUS"),

    // the kinds of pending procedure the person named (several possible), for the mandate
    DEMARCHES_INDIQUEES("demarchesIndiquees", "Démarche indiquée", Vocabulaire.DEMARCHES);

    /** The four dimensions whose level a column may test. */
    public enum Dimension {
        ACCESS(Profile::getAccess), SKILLS(Profile::getSkills), MOTIVATION(Profile::getMotivation), BANKING(Profile::getBanking);

        private final Function<Profile, Level> level;

        Dimension(Function<Profile, Level> level) {
            this.level = level;
        }

        public Level of(Profile profile) {
            return level.apply(profile);
        }
    }

    private static final Map<String, Critere> BY_PROPERTY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Critere::property, c -> c));

    private final String property;
    private final String header;
    private final List<String> values;
    private final Set<String> flags;
    private final Dimension dimension;
    private final Function<Profile, String> value;
    private final Function<Profile, Set<String>> multiple;
    private final Map<String, String> flagByValue;

    Critere(String property, String header, Dimension dimension) {
        this.property = property;
        this.header = header;
        this.values = Vocabulaire.NIVEAUX;
        this.flags = Set.of();
        this.dimension = dimension;
        this.multiple = null;
        this.flagByValue = Map.of();
        this.value = p -> {
            Level level = dimension.of(p);
            return level == null ? null : level.label();
        };
    }

    Critere(String property, String header, List<String> values, Set<String> flags, Function<Profile, String> value) {
        this.property = property;
        this.header = header;
        this.values = values;
        this.flags = flags;
        this.dimension = null;
        this.value = value;
        this.multiple = null;
        this.flagByValue = Map.of();
    }

    Critere(String property, String header, Set<String> flags, java.util.function.Predicate<Profile> test) {
        this(property, header, Vocabulaire.OUI_NON, flags, p -> test.test(p) ? Vocabulaire.OUI : Vocabulaire.NON);
    }

    Critere(String property, String header, String flag) {
        this(property, header, Set.of(flag), p -> p.hasFlag(flag));
    }

    Critere(String property, String header, Map<String, String> labelsByFlag) {
        this.property = property;
        this.header = header;
        List<String> all = new java.util.ArrayList<>(labelsByFlag.values());
        all.add(Vocabulaire.NON_PRECISEE);
        this.values = List.copyOf(all);
        this.flags = Set.copyOf(labelsByFlag.keySet());
        this.dimension = null;
        Map<String, String> byValue = new java.util.HashMap<>();
        labelsByFlag.forEach((flag, label) -> byValue.put(label, flag));
        this.flagByValue = Map.copyOf(byValue);
        this.multiple = p -> {
            Set<String> named = new java.util.LinkedHashSet<>();
            labelsByFlag.forEach((flag, label) -> {
                if (p.hasFlag(flag)) {
                    named.add(label);
                }
            });
            return named.isEmpty() ? Set.of(Vocabulaire.NON_PRECISEE) : Set.copyOf(named);
        };
        this.value = null;
    }

    /** The property of {@link Situation} a table's code row names. */
    public String property() {
        return property;
    }

    /** A French column header for this criterion (tables may word it differently). */
    public String header() {
        return header;
    }

    /** The values a cell may hold, exactly as written. */
    public List<String> accepted() {
        return values;
    }

    /** The questionnaire flags this criterion reads (empty for a dimension level). */
    public Set<String> flags() {
        return flags;
    }

    /**
     * The flags a cell comparing this criterion with {@code value} depends on: for a multi-valued
     * criterion only the flag behind that value ("non précisée" depends on all of them), else
     * {@link #flags()}.
     */
    public Set<String> flagsFor(String value) {
        String flag = flagByValue.get(value);
        return flag == null ? flags : Set.of(flag);
    }

    /** The dimension whose level this criterion reads, if it is one. */
    public Optional<Dimension> dimension() {
        return Optional.ofNullable(dimension);
    }

    /** The value of this criterion for a profile, as the tables compare it ({@code ==}). */
    public String valueOf(Profile profile) {
        if (value == null) {
            throw new UnsupportedOperationException(name() + " has several values: use valuesOf");
        }
        return value.apply(profile);
    }

    /** Whether a cell tests this criterion with {@code contains} (several values at once) rather than {@code ==}. */
    public boolean isMultiple() {
        return multiple != null;
    }

    /** The values of a multi-valued criterion ({@link #isMultiple()}) for a profile. */
    public Set<String> valuesOf(Profile profile) {
        if (multiple == null) {
            return Set.of(valueOf(profile));
        }
        return multiple.apply(profile);
    }

    public static Optional<Critere> byProperty(String property) {
        return Optional.ofNullable(BY_PROPERTY.get(property));
    }
}
