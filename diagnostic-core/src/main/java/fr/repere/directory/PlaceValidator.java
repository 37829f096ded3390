package fr.repere.directory;

import fr.repere.territory.Commune;
import fr.repere.territory.Geography;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one line of a directory file against the national schema: required values, every
 * controlled value in its vocabulary (verbatim), the INSEE code a current commune (or found from
 * the postal code and the commune's name when absent), coordinates that are numbers, in range and
 * in France, dates, telephone, e-mails and addresses of web pages. Every problem is said in French,
 * for an administrator who is not a developer.
 */
public final class PlaceValidator {

    private static final Pattern CODE_POSTAL = Pattern.compile("\\d{5}");
    private static final Pattern CODE_INSEE = Pattern.compile("(?:\\d{2}|2[AB])\\d{3}");
    private static final Pattern SIRET = Pattern.compile("\\d{14}");
    private static final Pattern RNA = Pattern.compile("W[A-Za-z0-9]{9}");
    private static final Pattern PHONE = Pattern.compile("(?:\\+|00)?\\d{9,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, Integer> MAX_LENGTH = Map.ofEntries(Map.entry("id", 255), Map.entry("nom", 250),
            Map.entry("commune", 120), Map.entry("adresse", 250), Map.entry("complement_adresse", 250),
            Map.entry("horaires", 1000), Map.entry("presentation_resume", 1000), Map.entry("presentation_detail", 10_000),
            Map.entry("source", 250), Map.entry("structure_parente", 250), Map.entry("telephone", 40),
            Map.entry("courriels", 1000), Map.entry("site_web", 1000), Map.entry("autres_formations_labels", 1000),
            Map.entry("fiche_acces_libre", 500), Map.entry("prise_rdv", 500));

    private final Geography geography;

    public PlaceValidator(Geography geography) {
        this.geography = geography;
    }

    /** The outcome for one line: a place, or the problems that keep it out. */
    public record Result(int line, PlaceData place, Commune commune, List<ImportProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Result check(DirectoryFile.Line line) {
        Check c = new Check(line);
        if (line.values().containsKey(DirectoryFile.EXTRA)) {
            c.problem("(ligne entière)", null, "la ligne a " + line.values().get(DirectoryFile.EXTRA)
                    + " valeurs, plus que de colonnes dans l'en-tête : une virgule ou un point-virgule de trop, "
                    + "ou un texte qui en contient sans être entre guillemets");
        }
        PlaceSchema.REQUIRED.stream().sorted().filter(f -> line.get(f).isEmpty())
                .forEach(f -> c.problem(f, null, "valeur obligatoire manquante"));
        MAX_LENGTH.forEach((field, max) -> {
            if (line.get(field).length() > max) {
                c.problem(field, line.get(field), "texte trop long (" + line.get(field).length() + " caractères, "
                        + max + " au plus)");
            }
        });

        String pivot = line.get("pivot").replaceAll("\\s", "");
        if (!pivot.isEmpty() && !SIRET.matcher(pivot).matches() && !RNA.matcher(pivot).matches()) {
            c.problem("pivot", line.get("pivot"), "un numéro SIRET (14 chiffres) ou RNA (W suivi de 9 caractères) est "
                    + "attendu ; 00000000000000 si la structure n'en a pas");
        }
        String codePostal = line.get("code_postal");
        if (!codePostal.isEmpty() && !CODE_POSTAL.matcher(codePostal).matches()) {
            c.problem("code_postal", codePostal, "un code postal de 5 chiffres est attendu");
        }
        Commune commune = commune(line, c);
        Double[] point = coordinates(line, c, commune);
        LocalDate dateMaj = date(line, c);
        String telephone = line.get("telephone");
        if (!telephone.isEmpty() && !PHONE.matcher(telephone.replaceAll("[\\s.\\-()]", "")).matches()) {
            c.problem("telephone", telephone, "numéro de téléphone illisible (exemple : +33180059880 ou 01 80 05 98 80)");
        }
        List<String> courriels = list(line.get("courriels"));
        courriels.stream().filter(m -> !EMAIL.matcher(m).matches())
                .forEach(m -> c.problem("courriels", m, "adresse électronique mal écrite"));
        List<String> sites = list(line.get("site_web"));
        sites.stream().filter(u -> !URL.matcher(u).matches())
                .forEach(u -> c.problem("site_web", u, "adresse de site attendue, commençant par https://"));
        for (String field : List.of("fiche_acces_libre", "prise_rdv")) {
            String url = line.get(field);
            if (!url.isEmpty() && !URL.matcher(url).matches()) {
                c.problem(field, url, "adresse de page attendue, commençant par https://");
            }
        }

        Set<Typologie> typologie = c.vocabulary("typologie", Typologie.class);
        Set<Itinerance> itinerance = c.vocabulary("itinerance", Itinerance.class);
        Set<LieuService> services = c.vocabulary("services", LieuService.class);
        Set<PublicSpecifique> publics = c.vocabulary("publics_specifiquement_adresses", PublicSpecifique.class);
        Set<PriseEnChargeSpecifique> prises = c.vocabulary("prise_en_charge_specifique", PriseEnChargeSpecifique.class);
        Set<FraisACharge> frais = c.vocabulary("frais_a_charge", FraisACharge.class);
        Set<DispositifProgrammeNational> dispositifs = c.vocabulary("dispositif_programmes_nationaux",
                DispositifProgrammeNational.class);
        Set<FormationLabel> labels = c.vocabulary("formations_labels", FormationLabel.class);
        Set<ModaliteAcces> acces = c.vocabulary("modalites_acces", ModaliteAcces.class);
        Set<ModaliteAccompagnement> accompagnement = c.vocabulary("modalites_accompagnement", ModaliteAccompagnement.class);

        if (!c.problems.isEmpty()) {
            return new Result(line.line(), null, null, List.copyOf(c.problems));
        }
        PlaceData place = new PlaceData(line.get("id"), pivot, line.get("nom"), line.get("commune"), codePostal,
                commune.code(), line.get("adresse"), blankToNull(line.get("complement_adresse")), point[0], point[1],
                typologie, blankToNull(telephone), courriels, sites, blankToNull(line.get("horaires")),
                blankToNull(line.get("presentation_resume")), blankToNull(line.get("presentation_detail")),
                blankToNull(line.get("source")), itinerance, blankToNull(line.get("structure_parente")), dateMaj,
                services, publics, prises, frais, dispositifs, labels, list(line.get("autres_formations_labels")), acces,
                accompagnement, blankToNull(line.get("fiche_acces_libre")), blankToNull(line.get("prise_rdv")));
        return new Result(line.line(), place, commune, List.of());
    }

    private Commune commune(DirectoryFile.Line line, Check c) {
        String code = line.get("code_insee").toUpperCase(java.util.Locale.ROOT);
        if (code.isEmpty()) {
            if (line.get("code_postal").isEmpty() || line.get("commune").isEmpty()) {
                return null;
            }
            Optional<Commune> found = geography.byPostalCode(line.get("code_postal"), line.get("commune"));
            if (found.isEmpty()) {
                c.problem("code_insee", null, "code INSEE absent, et aucune commune « " + line.get("commune")
                        + " » n'a le code postal " + line.get("code_postal") + " : indiquez le code INSEE de la commune");
            }
            return found.orElse(null);
        }
        if (!CODE_INSEE.matcher(code).matches()) {
            c.problem("code_insee", line.get("code_insee"), "un code INSEE de commune a 5 caractères (exemple : 59350 "
                    + "pour Lille, 2A004 pour Ajaccio) ; ce n'est pas le code postal");
            return null;
        }
        Optional<Commune> found = geography.commune(code);
        if (found.isEmpty()) {
            c.problem("code_insee", code, "aucune commune actuelle n'a ce code INSEE (géographie administrative "
                    + geography.source() + ")");
        }
        return found.orElse(null);
    }

    private static Double[] coordinates(DirectoryFile.Line line, Check c, Commune commune) {
        String lat = line.get("latitude");
        String lon = line.get("longitude");
        if (lat.isEmpty() && lon.isEmpty()) {
            return new Double[] {null, null};
        }
        if (lat.isEmpty() || lon.isEmpty()) {
            c.problem(lat.isEmpty() ? "latitude" : "longitude", null,
                    "latitude et longitude vont ensemble : donnez les deux, ou aucune");
            return new Double[] {null, null};
        }
        Double la = number(lat);
        Double lo = number(lon);
        if (la == null) {
            c.problem("latitude", lat, "nombre attendu, en degrés décimaux (exemple : 50.6365)");
        } else if (la < -90 || la > 90) {
            c.problem("latitude", lat, "une latitude est comprise entre -90 et 90");
            la = null;
        }
        if (lo == null) {
            c.problem("longitude", lon, "nombre attendu, en degrés décimaux (exemple : 3.0635)");
        } else if (lo < -180 || lo > 180) {
            c.problem("longitude", lon, "une longitude est comprise entre -180 et 180");
            lo = null;
        }
        if (la != null && lo != null && commune != null && isMetropolitan(commune)
                && (la < 41 || la > 51.5 || lo < -5.5 || lo > 10)) {
            c.problem("latitude", lat + " ; " + lon, "ce point n'est pas en France métropolitaine alors que la commune ("
                    + commune.nom() + ") l'est" + (lo >= 41 && lo <= 51.5 ? " : latitude et longitude inversées ?" : ""));
        }
        return new Double[] {la, lo};
    }

    private static boolean isMetropolitan(Commune commune) {
        return !commune.departement().code().startsWith("97") && !commune.departement().code().startsWith("98");
    }

    private static Double number(String text) {
        try {
            double d = Double.parseDouble(text.replace(',', '.'));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(DirectoryFile.Line line, Check c) {
        String text = line.get("date_maj");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.length() >= 10 && text.charAt(4) == '-' ? LocalDate.parse(text.substring(0, 10))
                    : LocalDate.parse(text, FRENCH_DATE);
        } catch (DateTimeParseException e) {
            c.problem("date_maj", text, "date attendue au format AAAA-MM-JJ (exemple : 2024-03-31)");
            return null;
        }
    }

    private static List<String> list(String cell) {
        return Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static final class Check {
        private final DirectoryFile.Line line;
        private final List<ImportProblem> problems = new ArrayList<>();

        Check(DirectoryFile.Line line) {
            this.line = line;
        }

        void problem(String field, String value, String message) {
            problems.add(new ImportProblem(line.line(), field, value, message));
        }

        <E extends Enum<E> & Vocabulary> Set<E> vocabulary(String field, Class<E> type) {
            EnumSet<E> values = EnumSet.noneOf(type);
            for (String value : list(line.get(field))) {
                Optional<E> known = Vocabulary.fromLabel(type, value);
                if (known.isPresent()) {
                    values.add(known.get());
                } else {
                    String hint = Vocabulary.closest(type, value).map(v -> " Vouliez-vous dire « " + v.label() + " » ?")
                            .orElse(type.getEnumConstants().length <= 12 ? " Valeurs admises : " + Arrays.stream(type.getEnumConstants())
                                    .map(v -> "« " + v.label() + " »").collect(Collectors.joining(", ")) + "." : "");
                    problem(field, value, "valeur absente de la liste nationale (séparez plusieurs valeurs par |)." + hint);
                }
            }
            return values;
        }
    }
}
