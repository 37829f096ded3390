package fr.repere.mandate;

/** The Aidants Connect démarche categories a mandate authorises; labels verbatim. */
public enum DemarcheCategory {
    PAPIERS("Papiers - Citoyenneté - Élections"),
    FAMILLE("Famille - Scolarité"),
    SOCIAL("Social - Santé"),
    TRAVAIL("Travail - Formation"),
    LOGEMENT("Logement"),
    TRANSPORTS("Transports - Mobilité"),
    ARGENT("Argent - Impôts - Consommation"),
    JUSTICE("Justice"),
    ETRANGER("Étranger - Europe"),
    LOISIRS("Loisirs - Sport - Culture");

    private final String label;

    DemarcheCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
