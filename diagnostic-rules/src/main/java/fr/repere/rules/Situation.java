package fr.repere.rules;

import fr.repere.diagnostic.Profile;

import java.util.Objects;

/**
 * The fact the decision tables reason on: a {@link Profile} seen through the tables' French
 * vocabulary ({@link Critere}). Each getter is a column a table may test, e.g.
 * {@code competences == "Fragile"} or {@code sansAide == "oui"}. Immutable.
 */
public final class Situation {

    private static final Critere[] CRITERES = Critere.values();

    private final Profile profile;
    /** Each single-valued criterion's value, computed once: the rows test them many times. */
    private final String[] values = new String[CRITERES.length];
    private final java.util.Set<String> demarchesIndiquees;

    public Situation(Profile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        for (Critere critere : CRITERES) {
            if (!critere.isMultiple()) {
                values[critere.ordinal()] = critere.valueOf(profile);
            }
        }
        this.demarchesIndiquees = Critere.DEMARCHES_INDIQUEES.valuesOf(profile);
    }

    public Profile getProfile() {
        return profile;
    }

    public String getAcces() {
        return values[Critere.ACCES.ordinal()];
    }

    public String getCompetences() {
        return values[Critere.COMPETENCES.ordinal()];
    }

    public String getMotivation() {
        return values[Critere.MOTIVATION.ordinal()];
    }

    public String getBanque() {
        return values[Critere.BANQUE.ordinal()];
    }

    public String getDemarche() {
        return values[Critere.DEMARCHE.ordinal()];
    }

    public String getChoixSansInternet() {
        return values[Critere.CHOIX_SANS_INTERNET.ordinal()];
    }

    public String getNonUsagerHeureux() {
        return values[Critere.NON_USAGER_HEUREUX.ordinal()];
    }

    public String getPrefereDelegation() {
        return values[Critere.PREFERE_DELEGATION.ordinal()];
    }

    public String getPeurInternet() {
        return values[Critere.PEUR_INTERNET.ordinal()];
    }

    public String getSansAide() {
        return values[Critere.SANS_AIDE.ordinal()];
    }

    public String getTroublesCognitifs() {
        return values[Critere.TROUBLES_COGNITIFS.ordinal()];
    }

    public String getLectureOuLangue() {
        return values[Critere.LECTURE_OU_LANGUE.ordinal()];
    }

    public String getGeneVueOuMains() {
        return values[Critere.GENE_VUE_OU_MAINS.ordinal()];
    }

    public String getDifficulteLecture() {
        return values[Critere.DIFFICULTE_LECTURE.ordinal()];
    }

    public String getBarriereLangue() {
        return values[Critere.BARRIERE_LANGUE.ordinal()];
    }

    public String getSansAppareil() {
        return values[Critere.SANS_APPAREIL.ordinal()];
    }

    public String getSansInternet() {
        return values[Critere.SANS_INTERNET.ordinal()];
    }

    public String getForfaitEpuise() {
        return values[Critere.FORFAIT_EPUISE.ordinal()];
    }

    public String getRechargesPrepayees() {
        return values[Critere.RECHARGES_PREPAYEES.ordinal()];
    }

    public String getSansCompteBancaire() {
        return values[Critere.SANS_COMPTE_BANCAIRE.ordinal()];
    }

    public String getBudgetDifficile() {
        return values[Critere.BUDGET_DIFFICILE.ordinal()];
    }

    public String getSansEmail() {
        return values[Critere.SANS_EMAIL.ordinal()];
    }

    public String getSansFranceConnect() {
        return values[Critere.SANS_FRANCECONNECT.ordinal()];
    }

    public String getDeficienceVisuelle() {
        return values[Critere.DEFICIENCE_VISUELLE.ordinal()];
    }

    public String getDeficienceAuditive() {
        return values[Critere.DEFICIENCE_AUDITIVE.ordinal()];
    }

    public String getHandicapMoteur() {
        return values[Critere.HANDICAP_MOTEUR.ordinal()];
    }

    public String getPlusDe65Ans() {
        return values[Critere.PLUS_DE_65_ANS.ordinal()];
    }

    public java.util.Set<String> getDemarchesIndiquees() {
        return demarchesIndiquees;
    }

    @Override
    public String toString() {
        return "Situation[" + profile + "]";
    }
}
