package fr.repere.mandate;

/** What the mandate journal records; Aidants Connect's labels verbatim where it has them. */
public enum MandateAction {
    CREATE_ATTESTATION("Création d'une attestation"),
    CREATE_AUTORISATION("Création d'une autorisation"),
    USE_AUTORISATION("Utilisation d'une autorisation"),
    CANCEL_AUTORISATION("Révocation d'une autorisation"),
    CANCEL_MANDAT("Révocation d'un mandat");

    private final String label;

    MandateAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
