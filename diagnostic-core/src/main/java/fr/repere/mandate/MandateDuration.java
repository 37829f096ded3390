package fr.repere.mandate;

/** The Aidants Connect mandate durations; labels verbatim. */
public enum MandateDuration {
    ONE_DAY(1, "Mandat court"),
    ONE_MONTH(31, "Mandat d'un mois"),
    SIX_MONTHS(182, "Mandat de 6 mois"),
    TWELVE_MONTHS(365, "Mandat long (12 mois)");

    private final int days;
    private final String label;

    MandateDuration(int days, String label) {
        this.days = days;
        this.label = label;
    }

    public int days() {
        return days;
    }

    public String label() {
        return label;
    }

    /** « 1 jour », « 31 jours ». */
    public String daysText() {
        return days + (days == 1 ? " jour" : " jours");
    }

    /** The label with its length, as the worker chooses it: « Mandat long (12 mois, 365 jours) ». */
    public String choiceLabel() {
        return label.endsWith(")") ? label.substring(0, label.length() - 1) + ", " + daysText() + ")"
                : label + " (" + daysText() + ")";
    }
}
