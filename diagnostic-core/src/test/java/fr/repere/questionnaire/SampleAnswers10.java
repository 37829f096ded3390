package fr.repere.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Complete, valid answer sheets for questionnaire version 1.0, the version in production, as
 * question code → chosen option codes (shipped in diagnostic-core's test-jar beside
 * {@link SampleAnswers}, which stays on 0.1 for the tests that rely on it).
 *
 * <p>Each method returns a fresh, mutable map (with immutable option lists) in questionnaire
 * order; adapt it with {@link SampleAnswers#with} and {@link SampleAnswers#without}, wrap it with
 * {@link AnswerSheet#of(Map)} to score or check it. {@code SampleAnswers10Test} proves every sheet
 * complete for 1.0; the scores given in each Javadoc are worked out by hand, question by question,
 * in {@code ScorerTest}.
 */
public final class SampleAnswers10 {

    /** The questionnaire version these sheets are valid for. */
    public static final String QUESTIONNAIRE_VERSION = "1.0";

    private SampleAnswers10() {
    }

    /**
     * Computer and smartphone, home box and mobile data, never out of credit, monthly plan, e-mail,
     * FranceConnect account, prints at home; does everything alone; keen, already at ease (so
     * MOT_DISPONIBILITE is skipped); bank card and online banking; no procedure pending (so
     * CTX_DEMARCHE_TYPE is skipped), no language, reading or health difficulty.
     * Every dimension AUTONOMOUS (score 100), confidence 100; no flag.
     */
    public static Map<String, List<String>> autonomousPerson() {
        return new Sheet()
                .a("CTX_DEMARCHE_EN_COURS", "AUCUNE")
                .a("ACC_EQUIPEMENT", "ORDINATEUR", "SMARTPHONE")
                .a("ACC_CONNEXION", "BOX", "DONNEES_MOBILES")
                .a("ACC_CREDIT_EPUISE", "JAMAIS")
                .a("BAN_TELEPHONE", "FORFAIT")
                .a("ACC_COURRIEL", "OUI")
                .a("ACC_FRANCECONNECT", "OUI")
                .a("ACC_IMPRIMANTE", "CHEZ_SOI")
                .a("COMP_MANIPULATION", "SEUL")
                .a("COMP_MESSAGE", "SEUL")
                .a("COMP_COURRIEL_PJ", "SEUL")
                .a("COMP_RECHERCHE", "SEUL")
                .a("COMP_MOTS_DE_PASSE", "SEUL")
                .a("COMP_DEMARCHE", "SEUL")
                .a("COMP_ARNAQUE", "OUI")
                .a("MOT_INTERET", "OUI")
                .a("MOT_CRAINTE", "PAS_DU_TOUT")
                .a("MOT_APPRENDRE", "DEJA_A_L_AISE")
                .a("MOT_DELEGATION", "SEUL")
                .a("BAN_COMPTE", "EN_LIGNE")
                .a("BAN_PAIEMENT", "SEUL")
                .a("BAN_BUDGET", "NON")
                .a("CTX_FRANCAIS_ORAL", "FACILE")
                .a("CTX_FRANCAIS_ECRIT", "FACILE")
                .a("CTX_HANDICAP", "AUCUN")
                .a("CTX_AIDE", "PAS_BESOIN")
                .a("CTX_AGE", "AGE_26_44")
                .build();
    }

    /**
     * A quarterly RSA declaration due within the month; own smartphone on mobile data, sometimes out
     * of credit; e-mail opened with help, a FranceConnect account it cannot use; handles the phone but
     * needs help or someone beside for most tasks (an online procedure only with someone: level capped
     * at SUPPORTED); obliged rather than keen; bank card, pays online with help; helped by a relative
     * and a social worker.
     * ACCESS SUPPORTED (64), SKILLS FRAGILE (44), MOTIVATION SUPPORTED (56), BANKING AUTONOMOUS (76),
     * confidence 100 everywhere; flags URGENT_PROCEDURE, PENDING_PROCEDURE, PROCEDURE_CAF,
     * QUARTERLY_DECLARATION, NO_FRANCECONNECT.
     */
    public static Map<String, List<String>> urgentProcedureFragileSkills() {
        return new Sheet()
                .a("CTX_DEMARCHE_EN_COURS", "URGENTE")
                .a("CTX_DEMARCHE_TYPE", "DECLARATION_TRIMESTRIELLE")
                .a("ACC_EQUIPEMENT", "SMARTPHONE")
                .a("ACC_CONNEXION", "DONNEES_MOBILES")
                .a("ACC_CREDIT_EPUISE", "PARFOIS")
                .a("BAN_TELEPHONE", "FORFAIT")
                .a("ACC_COURRIEL", "OUI_AVEC_AIDE")
                .a("ACC_FRANCECONNECT", "OUI_SANS_USAGE")
                .a("ACC_IMPRIMANTE", "AILLEURS")
                .a("COMP_MANIPULATION", "SEUL")
                .a("COMP_MESSAGE", "AVEC_AIDE")
                .a("COMP_COURRIEL_PJ", "AVEC_QUELQU_UN")
                .a("COMP_RECHERCHE", "AVEC_AIDE")
                .a("COMP_MOTS_DE_PASSE", "NON")
                .a("COMP_DEMARCHE", "AVEC_QUELQU_UN")
                .a("COMP_ARNAQUE", "DOUTE")
                .a("MOT_INTERET", "OBLIGE")
                .a("MOT_CRAINTE", "UN_PEU")
                .a("MOT_APPRENDRE", "PEUT_ETRE")
                .a("MOT_DISPONIBILITE", "DIFFICILE")
                .a("MOT_DELEGATION", "AVEC_QUELQU_UN")
                .a("BAN_COMPTE", "AVEC_CARTE")
                .a("BAN_PAIEMENT", "AVEC_AIDE")
                .a("BAN_BUDGET", "PARFOIS")
                .a("CTX_FRANCAIS_ORAL", "FACILE")
                .a("CTX_FRANCAIS_ECRIT", "UN_PEU")
                .a("CTX_HANDICAP", "AUCUN")
                .a("CTX_AIDE", "PROCHE", "TRAVAILLEUR_SOCIAL")
                .a("CTX_AGE", "AGE_45_64")
                .build();
    }

    /**
     * Over 80, no device (so ACC_CONNEXION and every skills question are skipped), no mobile phone
     * (so BAN_TELEPHONE is skipped), no e-mail, no FranceConnect account, cannot print; a health
     * procedure to do later; willing to learn and available; bank card but pays online only with
     * someone, often short of money; sight difficulty; helped by a child.
     * ACCESS VERY_FAR (0, confidence 100), SKILLS NOT_ASSESSED (no question applies, confidence 0),
     * MOTIVATION AUTONOMOUS (76), BANKING FRAGILE (48); flags PENDING_PROCEDURE, PROCEDURE_SANTE,
     * NO_DEVICE, NO_INTERNET, NO_EMAIL, NO_FRANCECONNECT, BUDGET_DIFFICULTY, DISABILITY_VISUAL,
     * AGE_65_PLUS.
     */
    public static Map<String, List<String>> personWithoutDevice() {
        return new Sheet()
                .a("CTX_DEMARCHE_EN_COURS", "PLUS_TARD")
                .a("CTX_DEMARCHE_TYPE", "SANTE")
                .a("ACC_EQUIPEMENT", "AUCUN")
                .a("ACC_CREDIT_EPUISE", "PAS_DE_TELEPHONE")
                .a("ACC_COURRIEL", "NON")
                .a("ACC_FRANCECONNECT", "NON")
                .a("ACC_IMPRIMANTE", "NON")
                .a("MOT_INTERET", "UN_PEU")
                .a("MOT_CRAINTE", "UN_PEU")
                .a("MOT_APPRENDRE", "OUI")
                .a("MOT_DISPONIBILITE", "OUI")
                .a("MOT_DELEGATION", "AVEC_QUELQU_UN")
                .a("BAN_COMPTE", "AVEC_CARTE")
                .a("BAN_PAIEMENT", "AVEC_QUELQU_UN")
                .a("BAN_BUDGET", "SOUVENT")
                .a("CTX_FRANCAIS_ORAL", "FACILE")
                .a("CTX_FRANCAIS_ECRIT", "FACILE")
                .a("CTX_HANDICAP", "VUE")
                .a("CTX_AIDE", "ENFANT")
                .a("CTX_AGE", "AGE_80_PLUS")
                .build();
    }

    /**
     * Own and shared smartphone (a multiple-choice answer), mobile data, often out of credit on
     * prepaid top-ups, an e-mail address it cannot open, no FranceConnect account, cannot print;
     * basic skills but no attachments and no scam check; keen but very fearful; no bank account (so
     * BAN_PAIEMENT is skipped), often short of money; speaks and writes another language; helped by a
     * France Services desk.
     * ACCESS FRAGILE (43), SKILLS SUPPORTED (55), MOTIVATION SUPPORTED (63), BANKING VERY_FAR (10),
     * confidence 100 everywhere; flags DATA_RUNS_OUT, PREPAID_PHONE_ONLY, NO_EMAIL, NO_FRANCECONNECT,
     * FEARS_ONLINE, NO_BANK_ACCOUNT, BUDGET_DIFFICULTY, LANGUAGE_BARRIER.
     */
    public static Map<String, List<String>> noBankAccountLanguageBarrier() {
        return new Sheet()
                .a("CTX_DEMARCHE_EN_COURS", "AUCUNE")
                .a("ACC_EQUIPEMENT", "SMARTPHONE", "PARTAGE")
                .a("ACC_CONNEXION", "DONNEES_MOBILES")
                .a("ACC_CREDIT_EPUISE", "SOUVENT")
                .a("BAN_TELEPHONE", "PREPAYE")
                .a("ACC_COURRIEL", "OUI_SANS_ACCES")
                .a("ACC_FRANCECONNECT", "NON")
                .a("ACC_IMPRIMANTE", "NON")
                .a("COMP_MANIPULATION", "SEUL")
                .a("COMP_MESSAGE", "SEUL")
                .a("COMP_COURRIEL_PJ", "NON")
                .a("COMP_RECHERCHE", "AVEC_AIDE")
                .a("COMP_MOTS_DE_PASSE", "AVEC_AIDE")
                .a("COMP_DEMARCHE", "AVEC_AIDE")
                .a("COMP_ARNAQUE", "NON")
                .a("MOT_INTERET", "OUI")
                .a("MOT_CRAINTE", "BEAUCOUP")
                .a("MOT_APPRENDRE", "OUI")
                .a("MOT_DISPONIBILITE", "DIFFICILE")
                .a("MOT_DELEGATION", "AVEC_QUELQU_UN")
                .a("BAN_COMPTE", "AUCUN")
                .a("BAN_BUDGET", "SOUVENT")
                .a("CTX_FRANCAIS_ORAL", "DIFFICILE")
                .a("CTX_FRANCAIS_ECRIT", "AUTRE_LANGUE")
                .a("CTX_HANDICAP", "AUCUN")
                .a("CTX_AIDE", "LIEU_AIDE")
                .a("CTX_AGE", "AGE_26_44")
                .build();
    }

    /**
     * Aged 65-79, a shared device used elsewhere only, cannot use it at all (so every skills question
     * after COMP_MANIPULATION is skipped); sees no need for it (so MOT_CRAINTE is skipped), does not
     * want to learn (so MOT_DISPONIBILITE is skipped), prefers someone to do it; bank card, monthly
     * phone plan, cannot pay online; helped by a child.
     * ACCESS FRAGILE (33), SKILLS VERY_FAR (0), MOTIVATION VERY_FAR (14), BANKING SUPPORTED (69),
     * confidence 100 everywhere; flags NO_INTERNET, NO_EMAIL, NO_FRANCECONNECT, HAPPY_NON_USER,
     * PREFERS_DELEGATION, AGE_65_PLUS.
     */
    public static Map<String, List<String>> happyNonUser() {
        return new Sheet()
                .a("CTX_DEMARCHE_EN_COURS", "AUCUNE")
                .a("ACC_EQUIPEMENT", "PARTAGE")
                .a("ACC_CONNEXION", "AILLEURS")
                .a("ACC_CREDIT_EPUISE", "JAMAIS")
                .a("BAN_TELEPHONE", "FORFAIT")
                .a("ACC_COURRIEL", "NON")
                .a("ACC_FRANCECONNECT", "NON")
                .a("ACC_IMPRIMANTE", "NON")
                .a("COMP_MANIPULATION", "NON")
                .a("MOT_INTERET", "PAS_BESOIN")
                .a("MOT_APPRENDRE", "NON")
                .a("MOT_DELEGATION", "A_MA_PLACE")
                .a("BAN_COMPTE", "AVEC_CARTE")
                .a("BAN_PAIEMENT", "NON")
                .a("BAN_BUDGET", "NON")
                .a("CTX_FRANCAIS_ORAL", "FACILE")
                .a("CTX_FRANCAIS_ECRIT", "UN_PEU")
                .a("CTX_HANDICAP", "AUCUN")
                .a("CTX_AIDE", "ENFANT")
                .a("CTX_AGE", "AGE_65_79")
                .build();
    }

    /**
     * "Ne sait pas" to every question, which shows every question whose condition lists NSP (all
     * but CTX_DEMARCHE_TYPE). Every dimension NOT_ASSESSED with confidence 0; no flag.
     */
    public static Map<String, List<String>> unknownEverywhere() {
        return new Sheet()
                .a("CTX_DEMARCHE_EN_COURS", "NSP")
                .a("ACC_EQUIPEMENT", "NSP")
                .a("ACC_CONNEXION", "NSP")
                .a("ACC_CREDIT_EPUISE", "NSP")
                .a("BAN_TELEPHONE", "NSP")
                .a("ACC_COURRIEL", "NSP")
                .a("ACC_FRANCECONNECT", "NSP")
                .a("ACC_IMPRIMANTE", "NSP")
                .a("COMP_MANIPULATION", "NSP")
                .a("COMP_MESSAGE", "NSP")
                .a("COMP_COURRIEL_PJ", "NSP")
                .a("COMP_RECHERCHE", "NSP")
                .a("COMP_MOTS_DE_PASSE", "NSP")
                .a("COMP_DEMARCHE", "NSP")
                .a("COMP_ARNAQUE", "NSP")
                .a("MOT_INTERET", "NSP")
                .a("MOT_CRAINTE", "NSP")
                .a("MOT_APPRENDRE", "NSP")
                .a("MOT_DISPONIBILITE", "NSP")
                .a("MOT_DELEGATION", "NSP")
                .a("BAN_COMPTE", "NSP")
                .a("BAN_PAIEMENT", "NSP")
                .a("BAN_BUDGET", "NSP")
                .a("CTX_FRANCAIS_ORAL", "NSP")
                .a("CTX_FRANCAIS_ECRIT", "NSP")
                .a("CTX_HANDICAP", "NSP")
                .a("CTX_AIDE", "NSP")
                .a("CTX_AGE", "NSP")
                .build();
    }

    /** Every sample above, by method name. */
    public static Map<String, Map<String, List<String>>> all() {
        Map<String, Map<String, List<String>>> all = new LinkedHashMap<>();
        all.put("autonomousPerson", autonomousPerson());
        all.put("urgentProcedureFragileSkills", urgentProcedureFragileSkills());
        all.put("personWithoutDevice", personWithoutDevice());
        all.put("noBankAccountLanguageBarrier", noBankAccountLanguageBarrier());
        all.put("happyNonUser", happyNonUser());
        all.put("unknownEverywhere", unknownEverywhere());
        return all;
    }

    /** Question code → chosen options, in the order given. */
    private static final class Sheet {

        private final Map<String, List<String>> answers = new LinkedHashMap<>();

        Sheet a(String question, String... options) {
            if (answers.put(question, List.of(options)) != null) {
                throw new IllegalArgumentException("answered twice: " + question);
            }
            return this;
        }

        Map<String, List<String>> build() {
            return answers;
        }
    }
}
