package fr.repere.directory;

/** The national schema's {@code frais_a_charge} values, verbatim, cheapest first. */
public enum FraisACharge implements Vocabulary {
    GRATUIT("Gratuit"),
    GRATUIT_SOUS_CONDITION("Gratuit sous condition"),
    PAYANT("Payant");

    private final String label;

    FraisACharge(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
