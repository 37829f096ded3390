package fr.repere.directory;

/** The national schema's {@code itinerance} values, verbatim. */
public enum Itinerance implements Vocabulary {
    ITINERANT("Itinérant"),
    FIXE("Fixe");

    private final String label;

    Itinerance(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
