package fr.repere.mandate;

/** Where a mandate stands at a given instant (derived, never stored). */
public enum MandateStatus {
    AWAITING_SIGNATURE("En attente de signature"),
    ACTIVE("Actif"),
    EXPIRED("Expiré"),
    REVOKED("Révoqué");

    private final String label;

    MandateStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
