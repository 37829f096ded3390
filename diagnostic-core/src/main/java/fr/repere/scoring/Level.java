package fr.repere.scoring;

/**
 * The level of a dimension, named as a worker would say it. Cut points split the 0-100 scale
 * in four equal bands; {@link #NOT_ASSESSED} when no answer of the dimension was usable.
 */
public enum Level {
    AUTONOMOUS("Autonome"),
    SUPPORTED("Autonome avec appui"),
    FRAGILE("Fragile"),
    VERY_FAR("Très éloigné"),
    NOT_ASSESSED("Non évalué");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The lower of two assessed levels. */
    public Level atMost(Level cap) {
        return cap == null || cap.ordinal() <= ordinal() ? this : cap;
    }

    public static Level of(int score) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score out of range: " + score);
        }
        if (score >= 75) {
            return AUTONOMOUS;
        }
        if (score >= 50) {
            return SUPPORTED;
        }
        return score >= 25 ? FRAGILE : VERY_FAR;
    }
}
