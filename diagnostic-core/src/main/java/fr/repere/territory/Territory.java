package fr.repere.territory;

/**
 * A commune with the EPCI and département it belonged to when recorded (communes merge, EPCI
 * change: the codes of the time are kept). No name, no person: codes only.
 */
public record Territory(String commune, String epci, String departement) {

    /** How near {@code other} is to this territory: the same commune, the same EPCI, the same département, or farther. */
    public Proximity proximityOf(Territory other) {
        if (commune.equals(other.commune)) {
            return Proximity.COMMUNE;
        }
        if (epci != null && epci.equals(other.epci)) {
            return Proximity.EPCI;
        }
        if (departement.equals(other.departement)) {
            return Proximity.DEPARTEMENT;
        }
        return Proximity.ELSEWHERE;
    }

    /** Nearest first. */
    public enum Proximity {
        COMMUNE("Dans la commune de la personne"),
        EPCI("Dans l'intercommunalité de la personne"),
        DEPARTEMENT("Dans le département de la personne"),
        ELSEWHERE("Hors du département de la personne");

        private final String label;

        Proximity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
