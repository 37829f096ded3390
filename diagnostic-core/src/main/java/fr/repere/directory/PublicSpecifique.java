package fr.repere.directory;

/** The national schema's {@code publics_specifiquement_adresses} values, verbatim. */
public enum PublicSpecifique implements Vocabulary {
    JEUNES("Jeunes"),
    ETUDIANTS("Étudiants"),
    FAMILLES_ENFANTS("Familles et/ou enfants"),
    SENIORS("Seniors"),
    FEMMES("Femmes");

    private final String label;

    PublicSpecifique(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
