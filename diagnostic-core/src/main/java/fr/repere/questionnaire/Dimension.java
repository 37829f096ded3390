package fr.repere.questionnaire;

/** The four scored dimensions of the questionnaire, and the unscored context that rules read. */
public enum Dimension {
    ACCESS("Accès", true),
    SKILLS("Compétences", true),
    MOTIVATION("Motivation", true),
    BANKING("Contraintes bancaires", true),
    CONTEXT("Contexte", false);

    private final String label;
    private final boolean scored;

    Dimension(String label, boolean scored) {
        this.label = label;
        this.scored = scored;
    }

    public String label() {
        return label;
    }

    public boolean scored() {
        return scored;
    }
}
