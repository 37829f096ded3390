package fr.repere.rules;

import fr.repere.diagnostic.ComplementaryAction;
import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.Profile;
import fr.repere.directory.LieuService;
import fr.repere.directory.PriseEnChargeSpecifique;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;
import fr.repere.scoring.Level;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a department analyst writes in the decision tables' cells, and what they mean in the
 * code: condition values (see {@link Critere}), orientations, actions, the national vocabularies
 * (lieux de médiation numérique, Aidants Connect) verbatim, and the placeholders an explanation
 * may contain. An unknown word is refused with a French message listing the accepted ones.
 */
public final class Vocabulaire {

    public static final String OUI = "oui";
    public static final String NON = "non";
    public static final String URGENTE = "urgente";
    public static final String PLUS_TARD = "plus tard";
    public static final String AUCUNE = "aucune";
    static final List<String> OUI_NON = List.of(OUI, NON);
    static final List<String> NIVEAUX = Arrays.stream(Level.values()).map(Level::label).toList();

    /** What the person named as pending procedure(s), by flag (cells of the mandate table). */
    static final Map<String, String> DEMARCHES = ordered(
            "QUARTERLY_DECLARATION", "Déclaration trimestrielle",
            "PROCEDURE_CAF", "Autre démarche CAF ou MSA",
            "PROCEDURE_EMPLOI", "France Travail",
            "PROCEDURE_SANTE", "Assurance maladie ou santé",
            "PROCEDURE_IMPOTS", "Impôts",
            "PROCEDURE_LOGEMENT", "Logement social",
            "PROCEDURE_SEJOUR", "Titre de séjour ou papiers d'identité",
            "PROCEDURE_RETRAITE", "Retraite",
            "PROCEDURE_HANDICAP", "Dossier MDPH",
            "PROCEDURE_AUTRE", "Autre démarche");
    /** The "Démarche indiquée" value when the person named no kind of procedure. */
    public static final String NON_PRECISEE = "non précisée";

    /** The cell value of a mandate category row that adds no category (to be chosen with the person). */
    public static final String CATEGORIE_A_PRECISER = "à préciser avec la personne";

    private static final Map<String, Orientation> ORIENTATIONS = ordered(
            "Autonome", Orientation.AUTONOMOUS,
            "Former", Orientation.TRAIN,
            "Faire avec", Orientation.MEDIATOR,
            "Faire à la place", Orientation.ON_BEHALF);

    private static final Map<String, ComplementaryAction> ACTIONS = ordered(
            "Équipement", ComplementaryAction.EQUIPMENT,
            "Connexion", ComplementaryAction.CONNECTIVITY,
            "Compte bancaire", ComplementaryAction.BANK_ACCOUNT,
            "Budget", ComplementaryAction.BUDGET,
            "E-mail et identité numérique", ComplementaryAction.EMAIL_IDENTITY,
            "Cours de français", ComplementaryAction.FRENCH_COURSE,
            "Lecture et écriture", ComplementaryAction.LITERACY,
            "Adaptation : vue", ComplementaryAction.ACCESSIBILITY_VISUAL,
            "Adaptation : audition", ComplementaryAction.ACCESSIBILITY_HEARING,
            "Adaptation : motricité", ComplementaryAction.ACCESSIBILITY_MOTOR,
            "Adaptation : compréhension", ComplementaryAction.ACCESSIBILITY_COGNITIVE,
            "Sécurité en ligne", ComplementaryAction.ONLINE_SAFETY);

    private static final Map<String, LieuService> SERVICES = byLabel(LieuService.values(), LieuService::label);
    private static final Map<String, PriseEnChargeSpecifique> PRISES_EN_CHARGE =
            byLabel(PriseEnChargeSpecifique.values(), PriseEnChargeSpecifique::label);
    private static final Map<String, DemarcheCategory> CATEGORIES = byLabel(DemarcheCategory.values(), DemarcheCategory::label);
    private static final Map<String, MandateDuration> DUREES = byLabel(MandateDuration.values(), MandateDuration::label);

    /** French wording of the questionnaire flags, for messages about combinations of answers. */
    static final Map<String, String> FLAGS = ordered(
            "PENDING_PROCEDURE", "démarche en ligne prévue",
            "URGENT_PROCEDURE", "démarche urgente (moins d'un mois)",
            "HAPPY_NON_USER", "se passe très bien d'internet",
            "PREFERS_DELEGATION", "préfère qu'on fasse à sa place",
            "FEARS_ONLINE", "a peur d'internet",
            "NO_HELPER", "personne pour l'aider",
            "DISABILITY_COGNITIVE", "gêne pour se concentrer, retenir ou comprendre",
            "READING_DIFFICULTY", "lit difficilement",
            "LANGUAGE_BARRIER", "maîtrise mal le français",
            "NO_DEVICE", "pas d'appareil à soi",
            "NO_INTERNET", "pas d'internet chez soi",
            "DATA_RUNS_OUT", "forfait souvent épuisé",
            "PREPAID_PHONE_ONLY", "téléphone à recharges",
            "NO_EMAIL", "pas d'adresse e-mail utilisable",
            "NO_FRANCECONNECT", "pas de compte FranceConnect utilisable",
            "NO_BANK_ACCOUNT", "pas de compte bancaire",
            "BUDGET_DIFFICULTY", "difficultés à payer les dépenses du mois",
            "DISABILITY_VISUAL", "gêne pour voir l'écran",
            "DISABILITY_HEARING", "gêne pour entendre",
            "DISABILITY_MOTOR", "gêne pour bouger les mains ou se déplacer",
            "AGE_65_PLUS", "65 ans ou plus",
            "QUARTERLY_DECLARATION", "déclaration trimestrielle",
            "PROCEDURE_CAF", "démarche CAF ou MSA",
            "PROCEDURE_EMPLOI", "démarche France Travail",
            "PROCEDURE_SANTE", "démarche santé",
            "PROCEDURE_IMPOTS", "démarche impôts",
            "PROCEDURE_LOGEMENT", "demande de logement social",
            "PROCEDURE_SEJOUR", "titre de séjour ou papiers",
            "PROCEDURE_RETRAITE", "démarche retraite",
            "PROCEDURE_HANDICAP", "dossier MDPH",
            "PROCEDURE_AUTRE", "autre démarche");

    /** Placeholders an explanation may contain, replaced by the person's level. */
    private static final Map<String, Function<Profile, Level>> PLACEHOLDERS = placeholderLevels();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");

    private Vocabulaire() {
    }

    public static Orientation orientation(String cell) {
        return parse("Orientation", ORIENTATIONS, cell);
    }

    public static String orientationLabel(Orientation orientation) {
        return labelOf(ORIENTATIONS, orientation);
    }

    public static ComplementaryAction action(String cell) {
        return parse("Action complémentaire", ACTIONS, cell);
    }

    public static String actionLabel(ComplementaryAction action) {
        return labelOf(ACTIONS, action);
    }

    public static LieuService service(String cell) {
        return parse("Service (lieux de médiation numérique)", SERVICES, cell);
    }

    public static PriseEnChargeSpecifique priseEnCharge(String cell) {
        return parse("Prise en charge spécifique", PRISES_EN_CHARGE, cell);
    }

    public static DemarcheCategory categorie(String cell) {
        return parse("Catégorie de démarche (Aidants Connect)", CATEGORIES, cell);
    }

    public static MandateDuration duree(String cell) {
        return parse("Durée du mandat (Aidants Connect)", DUREES, cell);
    }

    /** Every accepted cell value of each kind of output, for checks and documentation. */
    public static Map<String, List<String>> outputs() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("Orientation", List.copyOf(ORIENTATIONS.keySet()));
        all.put("Action complémentaire", List.copyOf(ACTIONS.keySet()));
        all.put("Service", List.copyOf(SERVICES.keySet()));
        all.put("Prise en charge spécifique", List.copyOf(PRISES_EN_CHARGE.keySet()));
        all.put("Catégorie de démarche", List.copyOf(CATEGORIES.keySet()));
        all.put("Durée du mandat", List.copyOf(DUREES.keySet()));
        return Collections.unmodifiableMap(all);
    }

    /** How a flag reads in French ("démarche urgente (moins d'un mois)"); the code itself if unknown. */
    public static String flag(String flag) {
        return FLAGS.getOrDefault(flag, flag);
    }

    /** Replaces the placeholders ({compétences}…) of an explanation by the profile's levels. */
    public static String render(String explanation, Profile profile) {
        if (explanation.indexOf('{') < 0) {
            return explanation;
        }
        Matcher m = PLACEHOLDER.matcher(explanation);
        StringBuilder out = new StringBuilder(explanation.length() + 16);
        while (m.find()) {
            Function<Profile, Level> level = PLACEHOLDERS.get(m.group());
            // an unknown placeholder is left as written (RulesetCompleteness reports it before activation)
            Level l = level == null ? null : level.apply(profile);
            String replacement = level == null ? m.group() : l == null ? "?" : l.label();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The placeholders of an explanation that are not known (empty if all are). */
    public static List<String> unknownPlaceholders(String explanation) {
        Matcher m = PLACEHOLDER.matcher(explanation);
        List<String> unknown = new java.util.ArrayList<>();
        while (m.find()) {
            if (!PLACEHOLDERS.containsKey(m.group())) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }

    /** The placeholders an explanation may contain. */
    public static List<String> placeholders() {
        return List.copyOf(PLACEHOLDERS.keySet());
    }

    private static <T> T parse(String what, Map<String, T> values, String cell) {
        T value = cell == null ? null : values.get(cell.trim());
        if (value == null) {
            throw new IllegalArgumentException(what + " inconnue : « " + cell + " » (valeurs possibles : "
                    + String.join(" ; ", values.keySet()) + ")");
        }
        return value;
    }

    private static <T> String labelOf(Map<String, T> values, T value) {
        return values.entrySet().stream().filter(e -> e.getValue() == value).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private static <T> Map<String, T> byLabel(T[] values, Function<T, String> label) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T value : values) {
            map.put(label.apply(value), value);
        }
        return Collections.unmodifiableMap(map);
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> ordered(Object... keysAndValues) {
        Map<String, T> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (T) keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, Function<Profile, Level>> placeholderLevels() {
        Map<String, Function<Profile, Level>> map = new LinkedHashMap<>();
        map.put("{accès}", Profile::getAccess);
        map.put("{compétences}", Profile::getSkills);
        map.put("{motivation}", Profile::getMotivation);
        map.put("{banque}", Profile::getBanking);
        return Collections.unmodifiableMap(map);
    }
}
