package fr.repere.rules.tools;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wrote the first version of the orientation decision tables ({@code *.drl.xlsx}). Run once, by
 * hand; the XLSX files are the source of truth from then on (edit them in LibreOffice, see
 * docs/rules.md). Kept for the record and to show how the tables are laid out; running it again
 * OVERWRITES any edit made to the tables.
 *
 * <pre>
 * mvn -B -q -pl diagnostic-rules test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=fr.repere.rules.tools.DecisionTableGenerator -Dexec.args=diagnostic-rules/src/main/resources/fr/repere/rules/orientation
 * </pre>
 *
 * <p>Layout of each workbook: the first sheet holds the decision table(s) Drools reads (the
 * technical rows RuleSet, Import, Variables and each table's three code rows are grouped and
 * folded; the analyst sees a title, the French column headers and the rows); a sheet "Valeurs"
 * lists the words a cell may hold (used by the drop-down lists); a sheet "Mode d'emploi" explains
 * how to change the table. Drools only reads the first sheet.
 */
public final class DecisionTableGenerator {

    static final String PACKAGE = "fr.repere.rules.orientation";
    static final String IMPORTS = "fr.repere.rules.Situation, fr.repere.rules.PrimaryProposal, fr.repere.rules.ProposedAction";
    static final String GLOBALS = "fr.repere.rules.DecisionCollector resultat";
    static final List<String> LEVELS = List.of("Autonome", "Autonome avec appui", "Fragile", "Très éloigné", "Non évalué");
    static final List<String> OUI_NON = List.of("oui", "non");

    // ------------------------------------------------------------------ model

    /** A column of a rule table. */
    record Col(String type, String object, String code, String header, int width, String values, boolean strict) {

        static Col name() {
            return new Col("NAME", "", "", "Ligne (nom stable)", 34, null, false);
        }

        /** A test on the Situation: cell = one value or several separated by commas (any of them). */
        static Col cond(String property, String header, String values, boolean strict) {
            return new Col("CONDITION", "$s : Situation", "forall(||){" + property + " == \"$\"}", header,
                    strict ? 11 : 16, values, strict);
        }

        static Col ouiNon(String property, String header) {
            return cond(property, header, "OuiNon", true);
        }

        static Col on(String object, String snippet, String header, int width, String values) {
            return new Col("CONDITION", object, snippet, header, width, values, false);
        }

        static Col action(String code, String header, int width, String values) {
            return new Col("ACTION", "", code, header, width, values, true);
        }

        static Col explanation(String decision) {
            return new Col("METADATA", "", "explication(\"$param\") @decision(\"" + decision + "\")",
                    "Explication (texte montré au travailleur social)", 90, null, false);
        }
    }

    /** One RuleTable: a title for the analyst, columns, rows (first cell = row name, last = explanation). */
    record Block(String table, String title, String help, List<Col> cols, List<List<String>> rows) {
    }

    record Table(String file, String title, String intro, List<Block> blocks, List<String> howTo) {
    }

    static List<String> row(String... cells) {
        return List.of(cells);
    }

    // ------------------------------------------------------------------ content

    static final String URG = "urgente";
    static final String LATER = "plus tard";
    static final String NONE = "aucune";

    static Table primary() {
        List<Col> cols = List.of(Col.name(),
                Col.cond("demarche", "Démarche en ligne à faire", "Demarche", false),
                Col.cond("competences", "Compétences numériques", "Niveaux", false),
                Col.cond("acces", "Accès (équipement, connexion)", "Niveaux", false),
                Col.cond("motivation", "Motivation", "Niveaux", false),
                Col.ouiNon("nonUsagerHeureux", "Se passe très bien d'internet"),
                Col.ouiNon("prefereDelegation", "Préfère qu'on fasse à sa place"),
                Col.ouiNon("peurInternet", "A peur d'internet"),
                Col.ouiNon("sansAide", "Personne pour l'aider"),
                Col.ouiNon("troublesCognitifs", "Gêne pour se concentrer, retenir, comprendre"),
                Col.ouiNon("lectureOuLangue", "Lit difficilement ou maîtrise mal le français"),
                Col.ouiNon("geneVueOuMains", "Gêne pour voir l'écran, ou pour les mains et les déplacements"),
                Col.action("insert(resultat.orienter(drools.getRule(), \"$param\"));", "Orientation proposée", 16, "Orientations"),
                Col.explanation("orientation-principale"));
        String sf = "Autonome avec appui, Fragile";
        String notVeryFar = "Autonome, Autonome avec appui, Fragile, Non évalué";
        String lowMot = "Fragile, Très éloigné";
        String okMot = "Autonome, Autonome avec appui, Non évalué";
        String laterOrNone = LATER + ", " + NONE;
        //            name                                        démarche compét.  accès  motiv. heureux délég. peur sansAide cognitif lect. vue/mains orientation
        List<List<String>> rows = List.of(
                row("P01-CompetencesAutonomes", "", "Autonome", "", "", "", "", "", "", "", "", "", "Autonome",
                        "Compétences numériques « {compétences} » : la personne peut faire ses démarches en ligne seule. "
                                + "Lui indiquer les services utiles ; les actions complémentaires lèvent les autres freins (équipement, connexion, banque)."),
                row("P02-ChoixSansInternetRespecte", NONE, "Autonome avec appui, Fragile, Très éloigné, Non évalué", "", "", "oui", "", "", "", "", "", "", "Autonome",
                        "La personne dit bien se passer d'internet et n'a aucune démarche en ligne à faire : son choix est respecté, "
                                + "pas de formation imposée. L'informer simplement des lieux d'aide proches, au cas où."),
                row("P03-UrgentCompetencesTresEloignees", URG, "Très éloigné", "", "", "", "", "", "", "", "", "", "Faire à la place",
                        "Une démarche en ligne doit être faite dans moins d'un mois et les compétences numériques sont « {compétences} » : "
                                + "aucune autonomie n'est réaliste à temps. La faire à sa place, sous mandat et jamais avec son mot de passe, "
                                + "en lui montrant chaque étape ; puis l'orienter vers un médiateur numérique pour que la suivante se fasse avec elle."),
                row("P04-UrgentFragileTroublesCognitifs", URG, "Fragile", "", "", "", "", "", "", "oui", "", "", "Faire à la place",
                        "Démarche urgente, compétences « {compétences} » et gêne pour se concentrer, retenir ou comprendre : la faire à sa place, "
                                + "sous mandat, évite une rupture de droits. Ensuite, un médiateur formé à ce handicap l'aide à reprendre la main sur ce qu'elle peut faire."),
                row("P05-UrgentFragileLectureOuLangue", URG, "Fragile", "", "", "", "oui", "", "", "non", "oui", "", "Faire à la place",
                        "Démarche urgente, compétences « {compétences} », lecture ou français difficiles, et la personne préfère qu'on fasse à sa "
                                + "place : les formulaires en ligne ne seront pas maîtrisés à temps. La faire à sa place sous mandat en lui expliquant "
                                + "chaque étape ; ensuite cours de français ou accompagnement à l'écrit, et médiateur numérique pour faire avec elle."),
                row("P06-UrgentFragilePrefereDelegation", URG, "Fragile", "", "", "", "oui", "", "", "non", "non", "", "Faire à la place",
                        "Démarche urgente, compétences « {compétences} » et la personne préfère qu'on fasse à sa place : le faire pour cette fois, "
                                + "sous mandat limité dans le temps, en la faisant participer (elle garde ses papiers et valide). Proposer ensuite un médiateur numérique."),
                row("P07-UrgentFragileFaireAvec", URG, "Fragile", "", "", "", "non", "", "", "non", "non", "", "Faire avec",
                        "Démarche urgente et compétences « {compétences} » : un médiateur numérique (France Services, conseiller numérique, "
                                + "Point numérique CAF) peut faire la démarche avec la personne dans le mois, sans la faire à sa place. Prendre rendez-vous tout de suite."),
                row("P27-UrgentFragileLectureOuLangueFaireAvec", URG, "Fragile", "", "", "", "non", "", "", "non", "oui", "", "Faire avec",
                        "Démarche urgente, compétences « {compétences} » et lecture ou français difficiles, mais la personne ne demande pas qu'on fasse "
                                + "à sa place : un médiateur numérique d'un lieu qui accueille les personnes qui lisent difficilement ou parlent peu le français "
                                + "(supports oraux, interprète) fait la démarche avec elle dans le mois ; il lit et écrit avec elle, elle comprend et valide. "
                                + "Prendre rendez-vous tout de suite ; en parallèle, cours de français ou accompagnement à l'écrit."),
                row("P08-UrgentAvecAppuiFaireAvec", URG, "Autonome avec appui", "", "", "", "", "", "", "", "", "", "Faire avec",
                        "Démarche urgente et compétences « {compétences} » : pas le temps d'un parcours d'ateliers ; un médiateur numérique apporte "
                                + "l'appui nécessaire pour cette démarche. Les ateliers viendront ensuite."),
                row("P09-NonEvalueAvecDemarche", LATER, "Non évalué", "", "", "", "", "", "", "", "", "", "Faire avec",
                        "Une démarche en ligne est à faire et les compétences numériques n'ont pas pu être évaluées : un médiateur numérique fait la "
                                + "démarche avec la personne et voit ce qu'elle sait faire. Refaire le diagnostic ensuite."),
                row("P24-UrgentNonEvalueAvecAcces", URG, "Non évalué", "Autonome, Autonome avec appui, Fragile, Non évalué", "", "", "", "", "", "", "", "", "Faire avec",
                        "Une démarche en ligne doit être faite dans moins d'un mois et les compétences numériques n'ont pas pu être évaluées : "
                                + "un médiateur numérique fait la démarche avec la personne dans le mois et voit ce qu'elle sait faire. Refaire le diagnostic ensuite."),
                row("P25-UrgentSansAccesNonEvalue", URG, "Non évalué", "Très éloigné", "", "", "oui", "", "", "", "", "", "Faire à la place",
                        "Une démarche en ligne doit être faite dans moins d'un mois, la personne n'a ni appareil ni connexion à elle (accès « {accès} ») "
                                + "et préfère qu'on fasse à sa place : la faire pour cette fois, sous mandat et jamais avec son mot de passe, en lui montrant "
                                + "chaque étape ; en parallèle, équipement et connexion à prix solidaire, puis un médiateur numérique pour que la suivante se fasse avec elle."),
                row("P26-UrgentSansAccesNonEvalueFaireAvec", URG, "Non évalué", "Très éloigné", "", "", "non", "", "", "", "", "", "Faire avec",
                        "Une démarche en ligne doit être faite dans moins d'un mois et la personne n'a ni appareil ni connexion à elle (accès « {accès} »), "
                                + "mais elle ne demande pas qu'on fasse à sa place : le lieu de médiation (France Services, conseiller numérique, Point numérique "
                                + "CAF) fournit le poste et la connexion, et un médiateur numérique fait la démarche avec elle dans le mois en voyant ce qu'elle "
                                + "sait faire. Prendre rendez-vous tout de suite ; en parallèle, équipement et connexion à prix solidaire."),
                row("P10-TresEloigneTroublesCognitifsDemarchePrevue", LATER, "Très éloigné", "", "", "", "", "", "", "oui", "", "", "Faire à la place",
                        "Compétences « {compétences} » et gêne pour se concentrer, retenir ou comprendre : apprendre cette démarche n'est pas réaliste, "
                                + "même d'ici l'échéance. La faire à sa place sous mandat, avec elle à côté ; un médiateur formé à ce handicap l'aide à garder "
                                + "la main sur ce qu'elle peut faire, et le mandat est revu à son terme."),
                row("P11-TresEloigneDemarchePrevue", LATER, "Très éloigné", "", "", "", "", "", "", "non", "", "", "Faire avec",
                        "Une démarche est à faire dans plus d'un mois et les compétences numériques sont « {compétences} » : le temps permet de la faire "
                                + "avec un médiateur numérique, à son rythme, plutôt qu'à sa place."),
                row("P12-TresEloigneOuNonEvalueSansDemarche", NONE, "Très éloigné, Non évalué", "", "", "non", "", "", "", "", "", "", "Faire avec",
                        "Compétences numériques « {compétences} », sans démarche en cours : un médiateur numérique aide la personne à prendre en main "
                                + "les usages du quotidien avant d'envisager une formation."),
                row("P13-SePasseDInternetMaisDemarche", LATER, sf, "", "", "oui", "", "", "", "", "", "", "Faire avec",
                        "La personne se passe volontiers d'internet mais a une démarche à faire : pas de formation imposée ; un médiateur numérique "
                                + "fait cette démarche avec elle."),
                row("P14-SansAcces", laterOrNone, sf, "Très éloigné", "", "non", "", "", "", "", "", "", "Faire avec",
                        "Accès au numérique « {accès} » (pas d'appareil ou pas de connexion) et compétences « {compétences} » : un lieu de médiation offre "
                                + "un poste, une connexion et un médiateur qui fait avec la personne, en attendant qu'elle soit équipée."),
                row("P15-LectureOuLangue", laterOrNone, "Fragile", notVeryFar, lowMot, "non", "non", "non", "", "non", "oui", "", "Faire avec",
                        "Compétences « {compétences} », motivation « {motivation} » et lecture ou français difficiles : un parcours d'ateliers risque "
                                + "d'être abandonné ; un médiateur numérique, avec un interprète ou des supports adaptés, fait d'abord avec la personne, sur ce "
                                + "qui lui est utile, en parallèle d'un cours de français ou d'un accompagnement à l'écrit."),
                row("P16-PrefereDelegation", laterOrNone, sf, notVeryFar, "", "non", "oui", "", "", "", "", "", "Faire avec",
                        "La personne préfère qu'on fasse à sa place, mais rien n'est urgent : un médiateur numérique fait avec elle, pour qu'elle gagne "
                                + "en assurance plutôt qu'en dépendance."),
                row("P17-PeurInternet", laterOrNone, sf, notVeryFar, "", "non", "non", "oui", "", "", "", "", "Faire avec",
                        "La personne a peur d'internet (erreurs, arnaques) : un médiateur numérique la rassure en faisant avec elle, avant de lui "
                                + "proposer des ateliers."),
                row("P18-AvecAppuiFormer", laterOrNone, "Autonome avec appui", notVeryFar, "", "non", "non", "non", "", "", "", "non", "Former",
                        "Compétences « {compétences} » : quelques ateliers ciblés sur ses démarches suffiront à rendre la personne autonome."),
                row("P28-AvecAppuiGeneVueOuMainsFaireAvec", laterOrNone, "Autonome avec appui", notVeryFar, "", "non", "non", "non", "", "", "", "oui", "Faire avec",
                        "Compétences « {compétences} » et gêne pour voir l'écran, ou pour les mains et les déplacements : la personne sait faire ; ce qui "
                                + "l'arrête tient surtout à l'accessibilité des sites (images à recopier, PDF, longs formulaires) et à la fatigue, qu'un atelier "
                                + "ne lève pas, et s'y rendre est souvent difficile. Un médiateur numérique d'un lieu adapté fait avec elle les étapes qui "
                                + "bloquent, sur place ou à distance."),
                row("P19-FragileTroublesCognitifs", laterOrNone, "Fragile", notVeryFar, "", "non", "non", "non", "", "oui", "", "", "Faire avec",
                        "Compétences « {compétences} » et gêne pour se concentrer, retenir ou comprendre : un médiateur numérique fait avec la personne, "
                                + "à son rythme ; un atelier collectif risquerait de la mettre en échec."),
                row("P20-FragileMotivationFaible", laterOrNone, "Fragile", notVeryFar, lowMot, "non", "non", "non", "", "non", "non", "", "Faire avec",
                        "Compétences « {compétences} » et motivation « {motivation} » : une formation risque d'être abandonnée ; un médiateur numérique "
                                + "fait d'abord avec la personne, sur ce qui lui est utile."),
                row("P21-FragileDemarcheSansAide", LATER, "Fragile", notVeryFar, okMot, "non", "non", "non", "oui", "non", "", "", "Faire avec",
                        "Compétences « {compétences} », une démarche à faire et personne pour l'aider : un médiateur numérique fait cette démarche avec "
                                + "elle ; des ateliers ensuite."),
                row("P22-FragileFormer", laterOrNone, "Fragile", notVeryFar, okMot, "non", "non", "non", "non", "non", "", "", "Former",
                        "Compétences « {compétences} » et motivation « {motivation} » : un parcours d'ateliers (les bases, puis les démarches) permettra "
                                + "à la personne de gagner en autonomie."),
                row("P23-FragileSansDemarcheSansAideFormer", NONE, "Fragile", notVeryFar, okMot, "non", "non", "non", "oui", "non", "", "", "Former",
                        "Compétences « {compétences} », aucune démarche pressante et personne pour l'aider : des ateliers sont le meilleur moyen de ne "
                                + "plus dépendre de personne."));
        Block block = new Block("RuleTable OrientationPrincipale", "Orientation principale",
                "Pour chaque personne, UNE SEULE ligne doit s'appliquer (les lignes s'excluent : pas d'ordre, pas de priorité). "
                        + "Case vide = quelle que soit la réponse ; plusieurs valeurs séparées par des virgules = l'une ou l'autre.",
                cols, rows);
        return new Table("orientation-principale.drl.xlsx", "Repère — table de décision « Orientation principale »",
                "Autonomie d'abord : « Faire à la place » seulement si une démarche est urgente (ou si un handicap rend l'apprentissage irréaliste), "
                        + "et toujours avec un chemin de retour vers l'autonomie dans l'explication.",
                List.of(block), howToPrimary());
    }

    static Table actions() {
        String act = "insert(resultat.proposer(drools.getRule(), \"$param\"));";
        Col action = Col.action(act, "Action complémentaire", 24, "Actions");
        Col choice = Col.ouiNon("choixSansInternet", "Se passe d'internet et aucune démarche");
        Col explanation = Col.explanation("actions-complementaires");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block("RuleTable ActionsEquipementConnexion", "Équipement et connexion",
                "Toutes les lignes qui s'appliquent ajoutent leur action (une action n'apparaît qu'une fois).",
                List.of(Col.name(), choice, Col.ouiNon("sansAppareil", "Pas d'appareil à soi"), Col.ouiNon("sansInternet", "Pas d'internet chez soi"),
                        Col.ouiNon("forfaitEpuise", "Forfait souvent épuisé"), Col.ouiNon("rechargesPrepayees", "Téléphone à recharges"), action, explanation),
                List.of(
                        row("A01-SansAppareil", "non", "oui", "", "", "", "Équipement",
                                "La personne n'a pas d'appareil à elle : l'orienter vers un appareil reconditionné à prix solidaire."),
                        row("A02-SansInternet", "non", "", "oui", "", "", "Connexion",
                                "Pas d'internet chez soi : chercher une offre de connexion solidaire et, en attendant, un lieu en accès libre."),
                        row("A03-ForfaitEpuise", "non", "", "non", "oui", "", "Connexion",
                                "Le forfait ou le crédit est souvent épuisé avant la fin du mois : chercher une offre solidaire adaptée à ses usages."),
                        row("A04-RechargesPrepayees", "non", "", "non", "non", "oui", "Connexion",
                                "Téléphone à recharges : elles coûtent bien plus cher qu'un forfait (jusqu'à six fois) ; étudier un forfait à petit prix "
                                        + "(un compte bancaire est souvent demandé)."))));
        blocks.add(new Block("RuleTable ActionsBanqueBudget", "Banque et budget",
                "S'appliquent même si la personne se passe d'internet : ce sont des besoins sociaux.",
                List.of(Col.name(), Col.ouiNon("sansCompteBancaire", "Pas de compte bancaire"), Col.ouiNon("budgetDifficile", "Difficultés à payer le mois"),
                        action, explanation),
                List.of(
                        row("A05-SansCompteBancaire", "oui", "", "Compte bancaire",
                                "Pas de compte bancaire : faire valoir le droit au compte (Banque de France) ; un Point conseil budget peut accompagner. "
                                        + "Sans compte, ni paiement en ligne ni forfait mensuel."),
                        row("A06-BudgetDifficile", "", "oui", "Budget",
                                "Difficultés à payer les dépenses du mois : proposer un Point conseil budget."))));
        blocks.add(new Block("RuleTable ActionsIdentiteNumerique", "Adresse e-mail et identité numérique", "",
                List.of(Col.name(), choice, Col.ouiNon("sansEmail", "Pas d'e-mail utilisable"), Col.ouiNon("sansFranceConnect", "Pas de FranceConnect utilisable"),
                        action, explanation),
                List.of(
                        row("A07-SansEmail", "non", "oui", "", "E-mail et identité numérique",
                                "Pas d'adresse e-mail utilisable : en créer une avec la personne, dont elle seule garde le mot de passe ; presque toutes "
                                        + "les démarches la demandent."),
                        row("A08-SansFranceConnect", "non", "non", "oui", "E-mail et identité numérique",
                                "Pas de compte FranceConnect utilisable (impots.gouv, ameli, Identité Numérique La Poste) : l'aider à en ouvrir ou en "
                                        + "retrouver un ; c'est aussi par lui qu'un aidant habilité Aidants Connect agit pour elle."))));
        blocks.add(new Block("RuleTable ActionsLangueEcrit", "Langue et écrit",
                "S'appliquent même si la personne se passe d'internet.",
                List.of(Col.name(), Col.ouiNon("barriereLangue", "Maîtrise mal le français"), Col.ouiNon("difficulteLecture", "Lit difficilement"),
                        action, explanation),
                List.of(
                        row("A09-BarriereLangue", "oui", "", "Cours de français",
                                "La personne maîtrise mal le français : lui proposer un cours de français ; en attendant, un lieu qui accueille en "
                                        + "langues étrangères."),
                        row("A10-DifficulteLecture", "", "oui", "Lecture et écriture",
                                "La personne lit difficilement : lui proposer un accompagnement à la lecture et à l'écriture, et un lieu formé à "
                                        + "l'accueil des personnes en situation d'illettrisme."))));
        blocks.add(new Block("RuleTable ActionsAdaptations", "Adaptations au handicap", "",
                List.of(Col.name(), choice, Col.ouiNon("deficienceVisuelle", "Gêne pour voir l'écran"), Col.ouiNon("deficienceAuditive", "Gêne pour entendre"),
                        Col.ouiNon("handicapMoteur", "Gêne pour les mains, pour se déplacer"),
                        Col.ouiNon("troublesCognitifs", "Gêne pour se concentrer, retenir, comprendre"), action, explanation),
                List.of(
                        row("A11-GeneVue", "non", "oui", "", "", "", "Adaptation : vue",
                                "Gêne pour voir l'écran : agrandissement, contraste, lecture vocale ; un lieu formé à la déficience visuelle."),
                        row("A12-GeneAudition", "non", "", "oui", "", "", "Adaptation : audition",
                                "Gêne pour entendre : privilégier l'écrit et les rendez-vous en face à face ; un lieu formé à l'accueil des personnes sourdes."),
                        row("A13-GeneMotricite", "non", "", "", "oui", "", "Adaptation : motricité",
                                "Gêne pour bouger les mains ou se déplacer : lieu accessible ou accompagnement à distance, matériel adapté."),
                        row("A14-GeneComprehension", "non", "", "", "", "oui", "Adaptation : compréhension",
                                "Gêne pour se concentrer, retenir ou comprendre : séances courtes, une chose à la fois, supports simples ; un lieu "
                                        + "formé à l'accueil des personnes avec un handicap mental ou cognitif."))));
        blocks.add(new Block("RuleTable ActionsSecuriteEnLigne", "Sécurité en ligne", "",
                List.of(Col.name(), choice, Col.ouiNon("peurInternet", "A peur d'internet"), Col.ouiNon("plusDe65Ans", "65 ans ou plus"),
                        Col.cond("competences", "Compétences numériques", "Niveaux", false), action, explanation),
                List.of(
                        row("A15-PeurInternet", "non", "oui", "", "", "Sécurité en ligne",
                                "La personne a peur des erreurs et des arnaques : un atelier sur l'utilisation sécurisée du numérique lui apprend à "
                                        + "les reconnaître et à protéger ses mots de passe."),
                        row("A16-Senior65AnsCompetencesPartielles", "non", "non", "oui", "Autonome avec appui, Fragile", "Sécurité en ligne",
                                "65 ans ou plus et compétences « {compétences} » : un atelier sur les arnaques et les mots de passe sécurise ses usages."))));
        return new Table("actions-complementaires.drl.xlsx", "Repère — table de décision « Actions complémentaires »",
                "Lever les obstacles qui ne sont pas (seulement) des compétences : équipement, connexion, banque, identité numérique, langue, "
                        + "écrit, handicap, sécurité. Zéro, une ou plusieurs actions par personne.",
                blocks, howToCollect());
    }

    static Table directory() {
        String onOrientation = "$o : PrimaryProposal";
        String onAction = "$a : ProposedAction";
        Col orientation = Col.on(onOrientation, "forall(||){orientation == \"$\"}", "Orientation principale", 18, "Orientations");
        Col action = Col.on(onAction, "forall(||){action == \"$\"}", "Action complémentaire", 26, "Actions");
        Col explanation = Col.explanation("ressources-annuaire");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block("RuleTable LieuxPourOrientation", "Lieu à chercher pour l'orientation principale",
                "Le lieu accompagne la personne : il doit aussi offrir les prises en charge spécifiques ci-dessous.",
                List.of(Col.name(), orientation,
                        Col.action("resultat.besoinAccompagnement(drools.getRule(), \"$param\");", "Service recherché (lieux de médiation numérique)", 44, "Services"),
                        explanation),
                List.of(
                        row("R01-LieuPourFormer", "Former", "Maîtrise des outils numériques du quotidien",
                                "Ateliers pour apprendre les bases, puis ses démarches."),
                        row("R02-LieuPourFaireAvec", "Faire avec", "Aide aux démarches administratives",
                                "Un médiateur numérique qui fait les démarches avec la personne (France Services, conseiller numérique, Point numérique CAF, EPN)."),
                        row("R03-LieuPourFaireALaPlace", "Faire à la place", "Aide aux démarches administratives",
                                "Un aidant habilité Aidants Connect (ou le travailleur social lui-même) qui agit sous mandat."))));
        blocks.add(new Block("RuleTable LieuxPourActionsAccompagnement", "Lieu à chercher pour une action d'accompagnement",
                "Ce lieu accompagne la personne : il doit aussi offrir les prises en charge spécifiques ci-dessous.",
                List.of(Col.name(), action,
                        Col.action("resultat.besoinAccompagnement(drools.getRule(), \"$param\");", "Service recherché (lieux de médiation numérique)", 44, "Services"),
                        explanation),
                List.of(
                        row("R04-LieuPourIdentiteNumerique", "E-mail et identité numérique", "Maîtrise des outils numériques du quotidien",
                                "Créer une adresse e-mail et un compte FranceConnect avec la personne."),
                        row("R05-LieuPourSecuriteEnLigne", "Sécurité en ligne", "Utilisation sécurisée du numérique",
                                "Atelier pour reconnaître les arnaques et protéger ses mots de passe."))));
        blocks.add(new Block("RuleTable LieuxPourActionsMateriel", "Lieu à chercher pour du matériel ou une connexion",
                "Pas de prise en charge spécifique exigée pour ces lieux.",
                List.of(Col.name(), action,
                        Col.action("resultat.besoinMateriel(drools.getRule(), \"$param\");", "Service recherché (lieux de médiation numérique)", 44, "Services"),
                        explanation),
                List.of(
                        row("R06-LieuPourEquipement", "Équipement", "Acquisition de matériel informatique à prix solidaire",
                                "Acheter un appareil reconditionné à prix solidaire."),
                        row("R07-LieuPourConnexion", "Connexion", "Accès internet et matériel informatique",
                                "Se connecter en accès libre, et trouver une offre de connexion solidaire."))));
        blocks.add(new Block("RuleTable PrisesEnChargeSpecifiques", "Prise en charge spécifique exigée des lieux d'accompagnement",
                "Chaque ligne qui s'applique ajoute sa prise en charge à tous les lieux d'accompagnement cherchés.",
                List.of(Col.name(), action,
                        Col.action("resultat.priseEnCharge(drools.getRule(), \"$param\");", "Prise en charge spécifique", 30, "PrisesEnCharge"),
                        explanation),
                List.of(
                        row("R08-Illettrisme", "Lecture et écriture", "Illettrisme", "Lieu formé à l'accueil des personnes en situation d'illettrisme."),
                        row("R09-LanguesEtrangeres", "Cours de français", "Langues étrangères (autres)", "Lieu qui accueille en langues étrangères."),
                        row("R10-DeficienceVisuelle", "Adaptation : vue", "Déficience visuelle", "Lieu équipé et formé pour la déficience visuelle."),
                        row("R11-Surdite", "Adaptation : audition", "Surdité", "Lieu formé à l'accueil des personnes sourdes ou malentendantes."),
                        row("R12-HandicapsMoteurs", "Adaptation : motricité", "Handicaps moteurs", "Lieu accessible et équipé pour les handicaps moteurs."),
                        row("R13-HandicapsMentaux", "Adaptation : compréhension", "Handicaps mentaux",
                                "Lieu formé à l'accueil des personnes avec un handicap mental ou cognitif."))));
        return new Table("ressources-annuaire.drl.xlsx", "Repère — table de décision « Lieux à chercher dans l'annuaire »",
                "Traduit l'orientation et les actions en recherche dans l'annuaire national des lieux de médiation numérique "
                        + "(valeurs « services » et « prise_en_charge_specifique » du schéma, écrites à l'identique).",
                blocks, howToCollect());
    }

    static Table mandate() {
        Col onBehalf = Col.on("$o : PrimaryProposal", "forall(||){orientation == \"$\"}", "Orientation principale", 18, "Orientations");
        Col explanation = Col.explanation("mandat-duree");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block("RuleTable MandatDuree", "Durée du mandat",
                "Pour « Faire à la place », UNE SEULE ligne doit s'appliquer ; pour les autres orientations, aucune.",
                List.of(Col.name(), onBehalf,
                        Col.on("$s : Situation", "forall(||){demarchesIndiquees contains \"$\"}", "Démarche indiquée", 30, "Demarches"),
                        Col.on("$s : Situation", "forall(&&){demarchesIndiquees not contains \"$\"}", "Démarche non indiquée", 30, "Demarches"),
                        Col.action("resultat.dureeMandat(drools.getRule(), \"$param\");", "Durée du mandat (Aidants Connect)", 24, "Durees"),
                        explanation),
                List.of(
                        row("M01-DeclarationTrimestrielle6Mois", "Faire à la place", "Déclaration trimestrielle", "", "Mandat de 6 mois",
                                "Déclaration trimestrielle (RSA, prime d'activité) : un mandat de 6 mois couvre deux déclarations sans rupture de droits. "
                                        + "Pas 12 mois : à l'échéance, refaire le diagnostic et faire la déclaration suivante avec la personne (médiateur "
                                        + "numérique) plutôt qu'à sa place."),
                        row("M02-DemarchePonctuelle1Mois", "Faire à la place", "", "Déclaration trimestrielle", "Mandat d'un mois",
                                "Démarche ponctuelle : un mandat d'un mois suffit pour la faire, la personne à côté, et s'éteint seul. Le retour vers "
                                        + "l'autonomie passe ensuite par un médiateur numérique (« Faire avec »)."))));
        String cat = "resultat.categorieMandat(drools.getRule(), \"$param\");";
        Col categoryExplanation = Col.explanation("mandat-categories");
        blocks.add(new Block("RuleTable MandatCategories", "Catégories de démarches à autoriser",
                "Chaque ligne qui s'applique ajoute sa catégorie : n'autoriser que ce que la démarche demande.",
                List.of(Col.name(), onBehalf,
                        Col.on("$s : Situation", "forall(||){demarchesIndiquees contains \"$\"}", "Démarche indiquée", 30, "Demarches"),
                        Col.action(cat, "Catégorie (Aidants Connect)", 30, "Categories"), categoryExplanation),
                List.of(
                        row("M03-DeclarationTrimestrielle", "Faire à la place", "Déclaration trimestrielle", "Social - Santé",
                                "« Social - Santé » pour la déclaration trimestrielle (CAF ou MSA)."),
                        row("M04-AutreDemarcheCaf", "Faire à la place", "Autre démarche CAF ou MSA", "Social - Santé",
                                "« Social - Santé » pour la démarche CAF ou MSA."),
                        row("M05-FranceTravail", "Faire à la place", "France Travail", "Travail - Formation",
                                "« Travail - Formation » pour l'inscription ou l'actualisation à France Travail."),
                        row("M06-AssuranceMaladie", "Faire à la place", "Assurance maladie ou santé", "Social - Santé",
                                "« Social - Santé » pour la démarche d'assurance maladie."),
                        row("M07-Impots", "Faire à la place", "Impôts", "Argent - Impôts - Consommation",
                                "« Argent - Impôts - Consommation » pour la démarche d'impôts."),
                        row("M08-LogementSocial", "Faire à la place", "Logement social", "Logement",
                                "« Logement » pour la demande de logement social."),
                        row("M09-TitreDeSejour", "Faire à la place", "Titre de séjour ou papiers d'identité", "Étranger - Europe",
                                "« Étranger - Europe » pour le titre de séjour."),
                        row("M10-Retraite", "Faire à la place", "Retraite", "Social - Santé",
                                "« Social - Santé » pour la démarche de retraite."),
                        row("M11-DossierMdph", "Faire à la place", "Dossier MDPH", "Social - Santé",
                                "« Social - Santé » pour le dossier MDPH."),
                        row("M12-AutreDemarche", "Faire à la place", "Autre démarche", "à préciser avec la personne",
                                "Autre démarche : choisir avec la personne la seule catégorie qui la couvre."),
                        row("M13-DemarcheNonPrecisee", "Faire à la place", "non précisée", "à préciser avec la personne",
                                "Démarche non précisée : choisir avec la personne la seule catégorie qui couvre sa démarche."))));
        return new Table("mandat.drl.xlsx", "Repère — table de décision « Mandat (faire à la place) »",
                "Seulement pour l'orientation « Faire à la place » : quelles catégories de démarches autoriser (Aidants Connect) et pour "
                        + "combien de temps. Le mandat lie la structure et la personne ; jamais de mot de passe demandé.",
                blocks, howToCollect());
    }

    static Map<String, List<String>> valueLists() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("OuiNon", OUI_NON);
        lists.put("Demarche", List.of(URG, LATER, NONE));
        lists.put("Niveaux", LEVELS);
        lists.put("Orientations", List.of("Autonome", "Former", "Faire avec", "Faire à la place"));
        lists.put("Actions", List.of("Équipement", "Connexion", "Compte bancaire", "Budget", "E-mail et identité numérique",
                "Cours de français", "Lecture et écriture", "Adaptation : vue", "Adaptation : audition", "Adaptation : motricité",
                "Adaptation : compréhension", "Sécurité en ligne"));
        lists.put("Services", List.of("Acquisition de matériel informatique à prix solidaire", "Aide aux démarches administratives",
                "Maîtrise des outils numériques du quotidien", "Insertion professionnelle via le numérique",
                "Utilisation sécurisée du numérique", "Parentalité et éducation avec le numérique", "Loisirs et créations numériques",
                "Compréhension du monde numérique", "Accès internet et matériel informatique"));
        lists.put("PrisesEnCharge", List.of("Surdité", "Handicaps moteurs", "Handicaps mentaux", "Illettrisme",
                "Langues étrangères (anglais)", "Langues étrangères (autres)", "Déficience visuelle"));
        lists.put("Demarches", List.of("Déclaration trimestrielle", "Autre démarche CAF ou MSA", "France Travail",
                "Assurance maladie ou santé", "Impôts", "Logement social", "Titre de séjour ou papiers d'identité", "Retraite",
                "Dossier MDPH", "Autre démarche", "non précisée"));
        lists.put("Durees", List.of("Mandat court", "Mandat d'un mois", "Mandat de 6 mois", "Mandat long (12 mois)"));
        lists.put("Categories", List.of("Papiers - Citoyenneté - Élections", "Famille - Scolarité", "Social - Santé",
                "Travail - Formation", "Logement", "Transports - Mobilité", "Argent - Impôts - Consommation", "Justice",
                "Étranger - Europe", "Loisirs - Sport - Culture", "à préciser avec la personne"));
        return lists;
    }

    static final Map<String, String> LIST_TITLES = Map.of(
            "OuiNon", "oui / non", "Demarche", "Démarche en ligne à faire", "Niveaux", "Niveaux (accès, compétences, motivation, banque)",
            "Orientations", "Orientations", "Actions", "Actions complémentaires", "Services", "Services (lieux de médiation numérique)",
            "PrisesEnCharge", "Prises en charge spécifiques", "Demarches", "Démarches indiquées", "Durees", "Durées de mandat (Aidants Connect)",
            "Categories", "Catégories de démarches (Aidants Connect)");

    static List<String> howToCommon() {
        return List.of(
                "Modifier une ligne : changer les cases, puis enregistrer au format .xlsx en gardant le nom du fichier (il doit finir par .drl.xlsx).",
                "Ne jamais renommer une ligne existante (colonne « Ligne ») : les diagnostics passés citent ce nom. Une nouvelle ligne reçoit un nouveau nom (lettre de la table, numéro suivant, mots sans espace).",
                "Ajouter une ligne : insérer une ligne dans le tableau, SANS ligne vide (une ligne vide termine le tableau).",
                "Case vide = quelle que soit la réponse. Plusieurs valeurs séparées par des virgules = l'une ou l'autre. Écrire les valeurs exactement comme dans l'onglet « Valeurs » (accents compris, oui/non en minuscules).",
                "L'explication est le texte montré au travailleur social. Elle peut citer le niveau de la personne : {accès}, {compétences}, {motivation}, {banque}. Pas de guillemets droits (\"), utiliser « ».",
                "Les lignes grises repliées (bouton + dans la marge) sont techniques : ne pas les modifier sans un développeur.",
                "Avant d'activer une nouvelle version : la déposer dans Repère ; elle est compilée et contrôlée (chaque profil possible doit recevoir exactement une orientation principale). Les problèmes sont signalés en français, ligne par ligne.");
    }

    static List<String> howToPrimary() {
        List<String> all = new ArrayList<>(List.of(
                "Une ligne = une règle : si la personne correspond à toutes les cases remplies, l'orientation de la ligne est proposée avec son explication.",
                "Les lignes s'excluent : pour chaque personne, une et une seule ligne doit s'appliquer. C'est pourquoi beaucoup de lignes contiennent des « non » : ils écartent les cas traités par d'autres lignes."));
        all.addAll(howToCommon());
        return all;
    }

    static List<String> howToCollect() {
        List<String> all = new ArrayList<>(List.of(
                "Une ligne = une règle : si la personne correspond à toutes les cases remplies, la ligne ajoute son résultat ; plusieurs lignes peuvent s'appliquer."));
        all.addAll(howToCommon());
        return all;
    }

    // ------------------------------------------------------------------ writing

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/fr/repere/rules/orientation");
        Files.createDirectories(dir);
        for (Table table : List.of(primary(), actions(), directory(), mandate())) {
            Path file = dir.resolve(table.file());
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
                new Writer(workbook).write(table);
                workbook.write(out);
            }
            System.out.println("wrote " + file);
        }
    }

    static final class Writer {
        private final XSSFWorkbook wb;
        private final CellStyle title;
        private final CellStyle intro;
        private final CellStyle technical;
        private final CellStyle blockTitle;
        private final CellStyle header;
        private final CellStyle headerOut;
        private final CellStyle cell;
        private final CellStyle cellOut;
        private final CellStyle wrap;
        private final Map<String, String> listRanges = new LinkedHashMap<>();

        Writer(XSSFWorkbook wb) {
            this.wb = wb;
            title = style(true, 14, null, false);
            intro = style(false, 11, null, true);
            technical = style(false, 8, IndexedColors.GREY_25_PERCENT, false);
            Font grey = wb.createFont();
            grey.setFontHeightInPoints((short) 8);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            technical.setFont(grey);
            blockTitle = style(true, 12, null, false);
            header = bordered(style(true, 10, IndexedColors.LIGHT_TURQUOISE, true));
            headerOut = bordered(style(true, 10, IndexedColors.LIGHT_ORANGE, true));
            cell = bordered(style(false, 10, null, true));
            cellOut = bordered(style(true, 10, IndexedColors.LEMON_CHIFFON, true));
            wrap = bordered(style(false, 10, null, true));
        }

        private CellStyle style(boolean bold, int points, IndexedColors fill, boolean wrapText) {
            CellStyle s = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(bold);
            f.setFontHeightInPoints((short) points);
            s.setFont(f);
            if (fill != null) {
                s.setFillForegroundColor(fill.getIndex());
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            s.setWrapText(wrapText);
            s.setVerticalAlignment(VerticalAlignment.TOP);
            return s;
        }

        private static CellStyle bordered(CellStyle s) {
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            return s;
        }

        void write(Table table) {
            Sheet sheet = wb.createSheet("Table");
            Sheet values = wb.createSheet("Valeurs");
            Sheet howTo = wb.createSheet("Mode d'emploi");
            writeValues(values);
            writeHowTo(howTo, table);

            int width = table.blocks().stream().mapToInt(b -> b.cols().size()).max().orElse(1);
            int r = 0;
            put(sheet, r, 0, table.title(), title);
            r++;
            put(sheet, r, 0, table.intro(), intro);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, Math.max(width, 8)));
            sheet.getRow(r).setHeightInPoints(32);
            r++;
            put(sheet, r, 0, "Mode d'emploi : voir l'onglet « Mode d'emploi ». Valeurs permises : onglet « Valeurs ». "
                    + "Les lignes techniques sont repliées (bouton + dans la marge) : ne pas les modifier.", intro);
            r += 2;
            int techStart = r;
            put(sheet, r, 1, "RuleSet", technical);
            put(sheet, r++, 2, PACKAGE, technical);
            put(sheet, r, 1, "Import", technical);
            put(sheet, r++, 2, IMPORTS, technical);
            put(sheet, r, 1, "Variables", technical);
            put(sheet, r++, 2, GLOBALS, technical);
            fold(sheet, techStart, r - 1);
            r++;
            int firstHeader = -1;
            for (Block block : table.blocks()) {
                put(sheet, r, 0, block.title(), blockTitle);
                r++;
                if (!block.help().isEmpty()) {
                    put(sheet, r, 0, block.help(), intro);
                    r++;
                }
                r = writeBlock(sheet, block, r);
                if (firstHeader < 0) {
                    firstHeader = r - block.rows().size() - 1;
                }
                r++; // a blank row ends a rule table
            }
            sheet.setColumnWidth(0, 4 * 256);
            List<Col> widest = table.blocks().stream().map(Block::cols).max((a, b) -> a.size() - b.size()).orElseThrow();
            for (int c = 0; c < widest.size(); c++) {
                int w = 0;
                for (Block b : table.blocks()) {
                    if (c < b.cols().size()) {
                        w = Math.max(w, b.cols().get(c).width());
                    }
                }
                sheet.setColumnWidth(c + 1, w * 256);
            }
            if (table.blocks().size() == 1) {
                sheet.createFreezePane(2, firstHeader + 1);
            }
            sheet.setRowSumsBelow(false);
            wb.setActiveSheet(0);
        }

        private int writeBlock(Sheet sheet, Block block, int r) {
            List<Col> cols = block.cols();
            int start = r;
            put(sheet, r++, 1, block.table(), technical);
            for (int c = 0; c < cols.size(); c++) {
                put(sheet, r, c + 1, cols.get(c).type(), technical);
            }
            r++;
            // object row: merge consecutive condition columns on the same pattern into one pattern
            int c = 0;
            while (c < cols.size()) {
                String object = cols.get(c).object();
                int end = c;
                while (end + 1 < cols.size() && !object.isEmpty() && object.equals(cols.get(end + 1).object())) {
                    end++;
                }
                for (int k = c; k <= end; k++) {
                    put(sheet, r, k + 1, k == c ? object : "", technical);
                }
                if (end > c) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, c + 1, end + 1));
                }
                c = end + 1;
            }
            r++;
            for (c = 0; c < cols.size(); c++) {
                put(sheet, r, c + 1, cols.get(c).code(), technical);
            }
            r++;
            fold(sheet, start, r - 1);
            for (c = 0; c < cols.size(); c++) {
                Col col = cols.get(c);
                boolean out = col.type().equals("ACTION") || col.type().equals("METADATA");
                put(sheet, r, c + 1, col.header(), out ? headerOut : header);
            }
            sheet.getRow(r).setHeightInPoints(45);
            r++;
            int firstData = r;
            for (List<String> row : block.rows()) {
                if (row.size() != cols.size()) {
                    throw new IllegalStateException(row.get(0) + ": " + row.size() + " cells for " + cols.size() + " columns");
                }
                for (c = 0; c < cols.size(); c++) {
                    String value = row.get(c);
                    if (value.contains("\"")) {
                        throw new IllegalStateException(row.get(0) + ": no straight double quotes in cells");
                    }
                    Col col = cols.get(c);
                    boolean out = col.type().equals("ACTION");
                    boolean text = col.type().equals("METADATA");
                    put(sheet, r, c + 1, value, out ? cellOut : text ? wrap : cell);
                }
                r++;
            }
            for (c = 0; c < cols.size(); c++) {
                Col col = cols.get(c);
                if (col.values() != null) {
                    validate(sheet, col, firstData, firstData + block.rows().size() - 1, c + 1);
                }
            }
            return r;
        }

        private void validate(Sheet sheet, Col col, int firstRow, int lastRow, int column) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            DataValidationConstraint constraint = helper.createFormulaListConstraint(listRanges.get(col.values()));
            DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(firstRow, lastRow, column, column));
            validation.setShowErrorBox(col.strict());
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.createErrorBox("Valeur non reconnue", "Choisir une valeur de la liste (onglet « Valeurs »).");
            validation.setEmptyCellAllowed(true);
            sheet.addValidationData(validation);
        }

        private void fold(Sheet sheet, int from, int to) {
            sheet.groupRow(from, to);
            sheet.setRowGroupCollapsed(from, true);
        }

        private void writeValues(Sheet sheet) {
            int c = 0;
            for (Map.Entry<String, List<String>> list : valueLists().entrySet()) {
                put(sheet, 0, c, LIST_TITLES.get(list.getKey()), header);
                int r = 1;
                for (String v : list.getValue()) {
                    put(sheet, r++, c, v, cell);
                }
                String col = CellReference.convertNumToColString(c);
                listRanges.put(list.getKey(), "Valeurs!$" + col + "$2:$" + col + "$" + r);
                sheet.setColumnWidth(c, 34 * 256);
                c++;
            }
        }

        private void writeHowTo(Sheet sheet, Table table) {
            put(sheet, 0, 0, "Mode d'emploi — " + table.title(), title);
            int r = 2;
            for (String line : table.howTo()) {
                put(sheet, r++, 0, "• " + line, intro);
            }
            sheet.setColumnWidth(0, 140 * 256);
        }

        private void put(Sheet sheet, int r, int c, String value, CellStyle style) {
            Row row = sheet.getRow(r);
            if (row == null) {
                row = sheet.createRow(r);
            }
            Cell cell = row.createCell(c);
            if (!value.isEmpty()) {
                cell.setCellValue(value);
            }
            cell.setCellStyle(style);
        }
    }

    private DecisionTableGenerator() {
    }
}
