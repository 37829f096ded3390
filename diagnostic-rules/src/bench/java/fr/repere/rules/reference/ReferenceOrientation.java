package fr.repere.rules.reference;

import fr.repere.diagnostic.ActionProposal;
import fr.repere.diagnostic.ComplementaryAction;
import fr.repere.diagnostic.DirectoryNeed;
import fr.repere.diagnostic.MandateSuggestion;
import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.diagnostic.Profile;
import fr.repere.diagnostic.Reason;
import fr.repere.directory.LieuService;
import fr.repere.directory.PriseEnChargeSpecifique;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;
import fr.repere.rules.Evaluation;
import fr.repere.rules.Vocabulaire;
import fr.repere.scoring.Level;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.repere.scoring.Level.AUTONOMOUS;
import static fr.repere.scoring.Level.FRAGILE;
import static fr.repere.scoring.Level.NOT_ASSESSED;
import static fr.repere.scoring.Level.SUPPORTED;
import static fr.repere.scoring.Level.VERY_FAR;

/**
 * The shipped decision tables (version 1.1.0) written by hand in plain Java, as an oracle for the
 * Drools rule base (same answers on every enumerated profile) and as the baseline of the
 * benchmark. Written from the tables as a priority list of if/else (first match wins), which is
 * a different formulation than the tables' mutually exclusive rows: agreeing on every profile also
 * checks that the rows really exclude each other.
 *
 * <p>Explanation texts are the tables' (read once from the rule base's metadata) so the two
 * implementations build equal {@link OrientationDecision}s, and do the same work.
 */
public final class ReferenceOrientation {

    private final Map<String, String> explanations;
    private final String version;

    public ReferenceOrientation(Map<String, String> explanations, String version) {
        this.explanations = Map.copyOf(explanations);
        this.version = version;
    }

    public Evaluation evaluate(Profile p) {
        List<String> rows = new ArrayList<>(12);
        String primaryRow = primaryRow(p);
        Orientation primary = orientationOf(primaryRow);
        rows.add(primaryRow);
        Reason primaryReason = reason(primaryRow, p);

        Map<ComplementaryAction, ActionProposal> actions = new EnumMap<>(ComplementaryAction.class);
        boolean choice = p.hasFlag("HAPPY_NON_USER") && !p.hasFlag("PENDING_PROCEDURE") && !p.hasFlag("URGENT_PROCEDURE");
        Level skills = p.getSkills();
        if (!choice && p.hasFlag("NO_DEVICE")) {
            action(actions, rows, ComplementaryAction.EQUIPMENT, "A01-SansAppareil", p);
        }
        if (!choice && p.hasFlag("NO_INTERNET")) {
            action(actions, rows, ComplementaryAction.CONNECTIVITY, "A02-SansInternet", p);
        } else if (!choice && p.hasFlag("DATA_RUNS_OUT")) {
            action(actions, rows, ComplementaryAction.CONNECTIVITY, "A03-ForfaitEpuise", p);
        } else if (!choice && p.hasFlag("PREPAID_PHONE_ONLY")) {
            action(actions, rows, ComplementaryAction.CONNECTIVITY, "A04-RechargesPrepayees", p);
        }
        if (p.hasFlag("NO_BANK_ACCOUNT")) {
            action(actions, rows, ComplementaryAction.BANK_ACCOUNT, "A05-SansCompteBancaire", p);
        }
        if (p.hasFlag("BUDGET_DIFFICULTY")) {
            action(actions, rows, ComplementaryAction.BUDGET, "A06-BudgetDifficile", p);
        }
        if (!choice && p.hasFlag("NO_EMAIL")) {
            action(actions, rows, ComplementaryAction.EMAIL_IDENTITY, "A07-SansEmail", p);
        } else if (!choice && p.hasFlag("NO_FRANCECONNECT")) {
            action(actions, rows, ComplementaryAction.EMAIL_IDENTITY, "A08-SansFranceConnect", p);
        }
        if (p.hasFlag("LANGUAGE_BARRIER")) {
            action(actions, rows, ComplementaryAction.FRENCH_COURSE, "A09-BarriereLangue", p);
        }
        if (p.hasFlag("READING_DIFFICULTY")) {
            action(actions, rows, ComplementaryAction.LITERACY, "A10-DifficulteLecture", p);
        }
        if (!choice && p.hasFlag("DISABILITY_VISUAL")) {
            action(actions, rows, ComplementaryAction.ACCESSIBILITY_VISUAL, "A11-GeneVue", p);
        }
        if (!choice && p.hasFlag("DISABILITY_HEARING")) {
            action(actions, rows, ComplementaryAction.ACCESSIBILITY_HEARING, "A12-GeneAudition", p);
        }
        if (!choice && p.hasFlag("DISABILITY_MOTOR")) {
            action(actions, rows, ComplementaryAction.ACCESSIBILITY_MOTOR, "A13-GeneMotricite", p);
        }
        if (!choice && p.hasFlag("DISABILITY_COGNITIVE")) {
            action(actions, rows, ComplementaryAction.ACCESSIBILITY_COGNITIVE, "A14-GeneComprehension", p);
        }
        if (!choice && p.hasFlag("FEARS_ONLINE")) {
            action(actions, rows, ComplementaryAction.ONLINE_SAFETY, "A15-PeurInternet", p);
        } else if (!choice && p.hasFlag("AGE_65_PLUS") && (skills == SUPPORTED || skills == FRAGILE)) {
            action(actions, rows, ComplementaryAction.ONLINE_SAFETY, "A16-Senior65AnsCompetencesPartielles", p);
        }

        List<DirectoryNeed> needs = needs(primary, actions, rows, p);
        MandateSuggestion mandate = primary == Orientation.ON_BEHALF ? mandate(p, rows) : null;
        rows.sort(null);
        OrientationDecision decision = new OrientationDecision(primary, List.of(primaryReason),
                List.copyOf(actions.values()), needs, mandate, version);
        return new Evaluation(decision, rows);
    }

    /** The primary orientation row: the tables' rows as a priority list. */
    static String primaryRow(Profile p) {
        Level c = p.getSkills();
        boolean urgent = p.hasFlag("URGENT_PROCEDURE");
        boolean later = !urgent && p.hasFlag("PENDING_PROCEDURE");
        boolean none = !urgent && !later;
        boolean happy = p.hasFlag("HAPPY_NON_USER");
        boolean delegation = p.hasFlag("PREFERS_DELEGATION");
        boolean cognitive = p.hasFlag("DISABILITY_COGNITIVE");
        boolean readingOrLanguage = p.hasFlag("READING_DIFFICULTY") || p.hasFlag("LANGUAGE_BARRIER");
        boolean visionOrHands = p.hasFlag("DISABILITY_VISUAL") || p.hasFlag("DISABILITY_MOTOR");
        boolean lowMotivation = p.getMotivation() == FRAGILE || p.getMotivation() == VERY_FAR;
        if (c == AUTONOMOUS) {
            return "P01-CompetencesAutonomes";
        }
        if (none && happy) {
            return "P02-ChoixSansInternetRespecte";
        }
        if (urgent) {
            if (c == VERY_FAR) {
                return "P03-UrgentCompetencesTresEloignees";
            }
            if (c == FRAGILE) {
                if (cognitive) {
                    return "P04-UrgentFragileTroublesCognitifs";
                }
                if (delegation) {
                    return readingOrLanguage ? "P05-UrgentFragileLectureOuLangue" : "P06-UrgentFragilePrefereDelegation";
                }
                return readingOrLanguage ? "P27-UrgentFragileLectureOuLangueFaireAvec" : "P07-UrgentFragileFaireAvec";
            }
            if (c == SUPPORTED) {
                return "P08-UrgentAvecAppuiFaireAvec";
            }
            if (p.getAccess() != VERY_FAR) {
                return "P24-UrgentNonEvalueAvecAcces";
            }
            return delegation ? "P25-UrgentSansAccesNonEvalue" : "P26-UrgentSansAccesNonEvalueFaireAvec";
        }
        if (c == NOT_ASSESSED || c == VERY_FAR) {
            if (none) {
                return "P12-TresEloigneOuNonEvalueSansDemarche";
            }
            if (c == NOT_ASSESSED) {
                return "P09-NonEvalueAvecDemarche";
            }
            return cognitive ? "P10-TresEloigneTroublesCognitifsDemarchePrevue" : "P11-TresEloigneDemarchePrevue";
        }
        // skills SUPPORTED or FRAGILE, nothing urgent
        if (later && happy) {
            return "P13-SePasseDInternetMaisDemarche";
        }
        if (p.getAccess() == VERY_FAR) {
            return "P14-SansAcces";
        }
        if (delegation) {
            return "P16-PrefereDelegation";
        }
        if (p.hasFlag("FEARS_ONLINE")) {
            return "P17-PeurInternet";
        }
        if (c == SUPPORTED) {
            return visionOrHands ? "P28-AvecAppuiGeneVueOuMainsFaireAvec" : "P18-AvecAppuiFormer";
        }
        if (cognitive) {
            return "P19-FragileTroublesCognitifs";
        }
        if (lowMotivation) {
            return readingOrLanguage ? "P15-LectureOuLangue" : "P20-FragileMotivationFaible";
        }
        boolean noHelper = p.hasFlag("NO_HELPER");
        if (later && noHelper) {
            return "P21-FragileDemarcheSansAide";
        }
        return noHelper ? "P23-FragileSansDemarcheSansAideFormer" : "P22-FragileFormer";
    }

    static Orientation orientationOf(String row) {
        return switch (row) {
            case "P01-CompetencesAutonomes", "P02-ChoixSansInternetRespecte" -> Orientation.AUTONOMOUS;
            case "P03-UrgentCompetencesTresEloignees", "P04-UrgentFragileTroublesCognitifs", "P05-UrgentFragileLectureOuLangue",
                 "P06-UrgentFragilePrefereDelegation", "P10-TresEloigneTroublesCognitifsDemarchePrevue",
                 "P25-UrgentSansAccesNonEvalue" -> Orientation.ON_BEHALF;
            case "P18-AvecAppuiFormer", "P22-FragileFormer", "P23-FragileSansDemarcheSansAideFormer" -> Orientation.TRAIN;
            default -> Orientation.MEDIATOR;
        };
    }

    private void action(Map<ComplementaryAction, ActionProposal> actions, List<String> rows, ComplementaryAction action,
                        String row, Profile p) {
        rows.add(row);
        actions.put(action, new ActionProposal(action, reason(row, p)));
    }

    private record Need(LieuService service, boolean accompaniment, List<String> forWhat) {
    }

    private List<DirectoryNeed> needs(Orientation primary, Map<ComplementaryAction, ActionProposal> actions,
                                      List<String> rows, Profile p) {
        Map<LieuService, Need> needs = new LinkedHashMap<>();
        switch (primary) {
            case TRAIN -> need(needs, rows, "R01-LieuPourFormer", LieuService.OUTILS_QUOTIDIEN, true, p);
            case MEDIATOR -> need(needs, rows, "R02-LieuPourFaireAvec", LieuService.AIDE_DEMARCHES, true, p);
            case ON_BEHALF -> need(needs, rows, "R03-LieuPourFaireALaPlace", LieuService.AIDE_DEMARCHES, true, p);
            default -> {
            }
        }
        if (actions.containsKey(ComplementaryAction.EMAIL_IDENTITY)) {
            need(needs, rows, "R04-LieuPourIdentiteNumerique", LieuService.OUTILS_QUOTIDIEN, true, p);
        }
        if (actions.containsKey(ComplementaryAction.ONLINE_SAFETY)) {
            need(needs, rows, "R05-LieuPourSecuriteEnLigne", LieuService.USAGE_SECURISE, true, p);
        }
        if (actions.containsKey(ComplementaryAction.EQUIPMENT)) {
            need(needs, rows, "R06-LieuPourEquipement", LieuService.MATERIEL_SOLIDAIRE, false, p);
        }
        if (actions.containsKey(ComplementaryAction.CONNECTIVITY)) {
            need(needs, rows, "R07-LieuPourConnexion", LieuService.ACCES_INTERNET_MATERIEL, false, p);
        }
        EnumSet<PriseEnChargeSpecifique> care = EnumSet.noneOf(PriseEnChargeSpecifique.class);
        care(actions, care, rows, ComplementaryAction.LITERACY, "R08-Illettrisme", PriseEnChargeSpecifique.ILLETTRISME);
        care(actions, care, rows, ComplementaryAction.FRENCH_COURSE, "R09-LanguesEtrangeres", PriseEnChargeSpecifique.LANGUES_AUTRES);
        care(actions, care, rows, ComplementaryAction.ACCESSIBILITY_VISUAL, "R10-DeficienceVisuelle", PriseEnChargeSpecifique.DEFICIENCE_VISUELLE);
        care(actions, care, rows, ComplementaryAction.ACCESSIBILITY_HEARING, "R11-Surdite", PriseEnChargeSpecifique.SURDITE);
        care(actions, care, rows, ComplementaryAction.ACCESSIBILITY_MOTOR, "R12-HandicapsMoteurs", PriseEnChargeSpecifique.HANDICAPS_MOTEURS);
        care(actions, care, rows, ComplementaryAction.ACCESSIBILITY_COGNITIVE, "R13-HandicapsMentaux", PriseEnChargeSpecifique.HANDICAPS_MENTAUX);
        List<DirectoryNeed> result = new ArrayList<>(needs.size());
        for (Need need : needs.values()) {
            result.add(new DirectoryNeed(need.service(), need.accompaniment() ? care : EnumSet.noneOf(PriseEnChargeSpecifique.class),
                    String.join(" ; ", need.forWhat().stream().distinct().toList())));
        }
        return result;
    }

    private void need(Map<LieuService, Need> needs, List<String> rows, String row, LieuService service, boolean accompaniment,
                      Profile p) {
        rows.add(row);
        String text = reason(row, p).text();
        Need before = needs.get(service);
        if (before == null) {
            needs.put(service, new Need(service, accompaniment, new ArrayList<>(List.of(text))));
        } else {
            before.forWhat().add(text);
            needs.put(service, new Need(service, before.accompaniment() || accompaniment, before.forWhat()));
        }
    }

    private static void care(Map<ComplementaryAction, ActionProposal> actions, EnumSet<PriseEnChargeSpecifique> care,
                             List<String> rows, ComplementaryAction action, String row, PriseEnChargeSpecifique value) {
        if (actions.containsKey(action)) {
            rows.add(row);
            care.add(value);
        }
    }

    private static final String[][] CATEGORY_ROWS = {
            {"QUARTERLY_DECLARATION", "M03-DeclarationTrimestrielle", "SOCIAL"},
            {"PROCEDURE_CAF", "M04-AutreDemarcheCaf", "SOCIAL"},
            {"PROCEDURE_EMPLOI", "M05-FranceTravail", "TRAVAIL"},
            {"PROCEDURE_SANTE", "M06-AssuranceMaladie", "SOCIAL"},
            {"PROCEDURE_IMPOTS", "M07-Impots", "ARGENT"},
            {"PROCEDURE_LOGEMENT", "M08-LogementSocial", "LOGEMENT"},
            {"PROCEDURE_SEJOUR", "M09-TitreDeSejour", "ETRANGER"},
            {"PROCEDURE_RETRAITE", "M10-Retraite", "SOCIAL"},
            {"PROCEDURE_HANDICAP", "M11-DossierMdph", "SOCIAL"},
            {"PROCEDURE_AUTRE", "M12-AutreDemarche", null}};

    private MandateSuggestion mandate(Profile p, List<String> rows) {
        String durationRow = p.hasFlag("QUARTERLY_DECLARATION") ? "M01-DeclarationTrimestrielle6Mois" : "M02-DemarchePonctuelle1Mois";
        MandateDuration duration = p.hasFlag("QUARTERLY_DECLARATION") ? MandateDuration.SIX_MONTHS : MandateDuration.ONE_MONTH;
        rows.add(durationRow);
        StringBuilder text = new StringBuilder(reason(durationRow, p).text());
        EnumSet<DemarcheCategory> categories = EnumSet.noneOf(DemarcheCategory.class);
        boolean any = false;
        for (String[] row : CATEGORY_ROWS) {
            if (p.hasFlag(row[0])) {
                any = true;
                rows.add(row[1]);
                text.append(' ').append(reason(row[1], p).text());
                if (row[2] != null) {
                    categories.add(DemarcheCategory.valueOf(row[2]));
                }
            }
        }
        if (!any) {
            rows.add("M13-DemarcheNonPrecisee");
            text.append(' ').append(reason("M13-DemarcheNonPrecisee", p).text());
        }
        return new MandateSuggestion(categories, duration, new Reason(durationRow, text.toString()));
    }

    private Reason reason(String row, Profile p) {
        String text = explanations.get(row);
        if (text == null) {
            throw new IllegalStateException("no explanation for " + row);
        }
        return new Reason(row, Vocabulaire.render(text, p));
    }
}
