package fr.repere.questionnaire;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Complete, valid answer sheets for questionnaire version 0.1, as question code → chosen option
 * codes, for the tests of every module (shipped in diagnostic-core's test-jar).
 *
 * <p>Each method returns a fresh, mutable map (with immutable option lists) in questionnaire
 * order, so a test may adapt it, e.g. with {@link #with}. Wrap it with
 * {@link AnswerSheet#of(Map)} to score or check it. The levels given in each Javadoc are checked
 * by {@code SampleAnswersTest}; rely on them.
 */
public final class SampleAnswers {

    /** The questionnaire version these sheets are valid for. */
    public static final String QUESTIONNAIRE_VERSION = "0.1";

    private SampleAnswers() {
    }

    /**
     * Own device, home box, e-mail, does everything alone, keen, has a bank card; no procedure
     * pending, reads French easily. Every dimension AUTONOMOUS (score 100), confidence 100, no flag.
     */
    public static Map<String, List<String>> autonomousPerson() {
        return sheet(
                "ACC_EQUIPEMENT", "PERSONNEL",
                "ACC_CONNEXION", "BOX",
                "ACC_COURRIEL", "OUI",
                "COMP_MESSAGE", "SEUL",
                "COMP_RECHERCHE", "SEUL",
                "COMP_DEMARCHE", "SEUL",
                "MOT_ENVIE", "OUI",
                "MOT_CRAINTE", "PAS_DU_TOUT",
                "BAN_COMPTE", "AVEC_CARTE",
                "BAN_PAIEMENT", "OUI",
                "CTX_DEMARCHE_EN_COURS", "AUCUNE",
                "CTX_FRANCAIS_ECRIT", "FACILE");
    }

    /**
     * No device, no connection, no e-mail (so COMP_MESSAGE is skipped); searches and does
     * procedures with help; willing; bank card; a procedure to do later.
     * ACCESS VERY_FAR (0), SKILLS SUPPORTED (52), MOTIVATION AUTONOMOUS (80), BANKING AUTONOMOUS
     * (100); flag PENDING_PROCEDURE.
     */
    public static Map<String, List<String>> personWithoutDevice() {
        return sheet(
                "ACC_EQUIPEMENT", "AUCUN",
                "ACC_CONNEXION", "AUCUNE",
                "ACC_COURRIEL", "NON",
                "COMP_RECHERCHE", "AVEC_AIDE",
                "COMP_DEMARCHE", "AVEC_AIDE",
                "MOT_ENVIE", "OUI",
                "MOT_CRAINTE", "UN_PEU",
                "BAN_COMPTE", "AVEC_CARTE",
                "BAN_PAIEMENT", "OUI",
                "CTX_DEMARCHE_EN_COURS", "PLUS_TARD",
                "CTX_FRANCAIS_ECRIT", "FACILE");
    }

    /**
     * Own device and mobile data, e-mail; messages with help, cannot search, procedures with
     * help; an urgent procedure is pending.
     * ACCESS AUTONOMOUS (90), SKILLS FRAGILE (39), MOTIVATION AUTONOMOUS (80), BANKING AUTONOMOUS
     * (100); flags URGENT_PROCEDURE and PENDING_PROCEDURE.
     */
    public static Map<String, List<String>> urgentProcedureFragileSkills() {
        return sheet(
                "ACC_EQUIPEMENT", "PERSONNEL",
                "ACC_CONNEXION", "DONNEES_MOBILES",
                "ACC_COURRIEL", "OUI",
                "COMP_MESSAGE", "AVEC_AIDE",
                "COMP_RECHERCHE", "NON",
                "COMP_DEMARCHE", "AVEC_AIDE",
                "MOT_ENVIE", "OUI",
                "MOT_CRAINTE", "UN_PEU",
                "BAN_COMPTE", "AVEC_CARTE",
                "BAN_PAIEMENT", "OUI",
                "CTX_DEMARCHE_EN_COURS", "URGENTE",
                "CTX_FRANCAIS_ECRIT", "FACILE");
    }

    /**
     * Shared device, mobile data and public Wi-Fi (a multiple-choice answer), no e-mail; no bank
     * account (so BAN_PAIEMENT is skipped); writes another language.
     * ACCESS FRAGILE (42), SKILLS SUPPORTED (64), MOTIVATION FRAGILE (35), BANKING VERY_FAR (0);
     * flag LANGUAGE_BARRIER.
     */
    public static Map<String, List<String>> noBankAccountLanguageBarrier() {
        Map<String, List<String>> answers = sheet(
                "ACC_EQUIPEMENT", "PARTAGE",
                "ACC_CONNEXION", "DONNEES_MOBILES",
                "ACC_COURRIEL", "NON",
                "COMP_MESSAGE", "AVEC_AIDE",
                "COMP_RECHERCHE", "SEUL",
                "COMP_DEMARCHE", "AVEC_AIDE",
                "MOT_ENVIE", "UN_PEU",
                "MOT_CRAINTE", "BEAUCOUP",
                "BAN_COMPTE", "AUCUN",
                "CTX_DEMARCHE_EN_COURS", "AUCUNE",
                "CTX_FRANCAIS_ECRIT", "AUTRE_LANGUE");
        return with(answers, "ACC_CONNEXION", "DONNEES_MOBILES", "LIEUX_PUBLICS");
    }

    /**
     * "Ne sait pas" to every question (which also shows COMP_MESSAGE and BAN_PAIEMENT).
     * Every dimension NOT_ASSESSED with confidence 0; no flag.
     */
    public static Map<String, List<String>> unknownEverywhere() {
        return sheet(
                "ACC_EQUIPEMENT", "NSP",
                "ACC_CONNEXION", "NSP",
                "ACC_COURRIEL", "NSP",
                "COMP_MESSAGE", "NSP",
                "COMP_RECHERCHE", "NSP",
                "COMP_DEMARCHE", "NSP",
                "MOT_ENVIE", "NSP",
                "MOT_CRAINTE", "NSP",
                "BAN_COMPTE", "NSP",
                "BAN_PAIEMENT", "NSP",
                "CTX_DEMARCHE_EN_COURS", "NSP",
                "CTX_FRANCAIS_ECRIT", "NSP");
    }

    /** Every sample above, by method name. */
    public static Map<String, Map<String, List<String>>> all() {
        Map<String, Map<String, List<String>>> all = new LinkedHashMap<>();
        all.put("autonomousPerson", autonomousPerson());
        all.put("personWithoutDevice", personWithoutDevice());
        all.put("urgentProcedureFragileSkills", urgentProcedureFragileSkills());
        all.put("noBankAccountLanguageBarrier", noBankAccountLanguageBarrier());
        all.put("unknownEverywhere", unknownEverywhere());
        return all;
    }

    /** A copy of {@code answers} where {@code question} is answered with {@code options} (keeps its position). */
    public static Map<String, List<String>> with(Map<String, List<String>> answers, String question, String... options) {
        Map<String, List<String>> copy = new LinkedHashMap<>(answers);
        copy.put(question, List.of(options));
        return copy;
    }

    /** A copy of {@code answers} without any answer to {@code question}. */
    public static Map<String, List<String>> without(Map<String, List<String>> answers, String question) {
        Map<String, List<String>> copy = new LinkedHashMap<>(answers);
        copy.remove(question);
        return copy;
    }

    /** Pairs question code, single option code. */
    private static Map<String, List<String>> sheet(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("question/option pairs expected: " + Arrays.toString(pairs));
        }
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put(pairs[i], List.of(pairs[i + 1]));
        }
        return answers;
    }
}
