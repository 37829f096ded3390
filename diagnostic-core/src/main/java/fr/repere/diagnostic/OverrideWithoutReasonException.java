package fr.repere.diagnostic;

/** The worker departed from the rule base's proposal without saying why. */
public class OverrideWithoutReasonException extends RuntimeException {

    public OverrideWithoutReasonException() {
        super("an override needs a reason");
    }
}
