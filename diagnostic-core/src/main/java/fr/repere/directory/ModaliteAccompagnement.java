package fr.repere.directory;

/** The national schema's {@code modalites_accompagnement} values, verbatim. */
public enum ModaliteAccompagnement implements Vocabulary {
    EN_AUTONOMIE("En autonomie"),
    INDIVIDUEL("Accompagnement individuel"),
    ATELIER_COLLECTIF("Dans un atelier collectif"),
    A_DISTANCE("À distance");

    private final String label;

    ModaliteAccompagnement(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
