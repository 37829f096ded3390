package fr.repere.statistics;

/**
 * The fixed breakdowns an analyst can choose, and only these: finer periods at the scale of the
 * département, finer territories over the year. Months by commune are not offered: they would
 * be mostly hidden cells, and every extra crossing is one more way to subtract two tables.
 */
public enum Breakdown {
    DEPARTEMENT_ANNEE("departement", "annee", "Département"),
    DEPARTEMENT_TRIMESTRE("departement", "trimestre", "Trimestre"),
    DEPARTEMENT_MOIS("departement", "mois", "Mois"),
    EPCI_ANNEE("epci", "annee", "EPCI"),
    COMMUNE_ANNEE("commune", "annee", "Commune");

    private final String territory;
    private final String period;
    private final String rowTitle;

    Breakdown(String territory, String period, String rowTitle) {
        this.territory = territory;
        this.period = period;
        this.rowTitle = rowTitle;
    }

    /** The breakdown for these parameter values (« departement », « mois »…), or null if it is not offered. */
    public static Breakdown of(String territory, String period) {
        for (Breakdown b : values()) {
            if (b.territory.equals(territory) && b.period.equals(period)) {
                return b;
            }
        }
        return null;
    }

    public String territory() {
        return territory;
    }

    public String period() {
        return period;
    }

    public String code() {
        return territory + "-" + period;
    }

    public String rowTitle() {
        return rowTitle;
    }
}
