package fr.repere.directory;

/** The national schema's {@code formations_labels} values, verbatim (reference implementation {@code @gouvfr-anct/lieux-de-mediation-numerique}). */
public enum FormationLabel implements Vocabulary {
    MON_ESPACE_SANTE("Formé à « Mon Espace Santé »"),
    DUPLEX("Formé à « DUPLEX » (illettrisme)"),
    ARNIA_MEDNUM("Arnia/MedNum BFC (Bourgogne-Franche-Comté)"),
    REEMPLOI_NORMANDIE("Collectif ressources et acteurs réemploi (Normandie)"),
    ETAPES_NUMERIQUES("Étapes numériques (La Poste)"),
    FABRIQUES_DE_TERRITOIRE("Fabriques de Territoire"),
    ECLAIREURS_DU_NUMERIQUE("Les Éclaireurs du numérique (Drôme)"),
    MES_PAPIERS("Mes Papiers (Métropole de Lyon)"),
    ORDI_3("ORDI 3.0"),
    SUD_LABS("SUD LABS (PACA)");

    private final String label;

    FormationLabel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
