package fr.repere.dossier;

/**
 * Why a dossier is erased before its time, as the journal records it: a code, never free text
 * (a free-text reason could itself name the person, and the journal keeps no free text).
 */
public enum ErasureGround {
    PERSON_REQUEST("Demande d'effacement de la personne (article 17 du RGPD)"),
    PERSON_OBJECTION("Opposition de la personne au traitement (article 21 du RGPD)"),
    CREATED_BY_MISTAKE("Dossier ouvert par erreur (mauvaise personne, mauvaise référence)");

    private final String label;

    ErasureGround(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
