package fr.repere.mandate;

/** A change the mandate's state does not allow. */
public class MandateRefusedException extends RuntimeException {

    /** Why. */
    public enum Why {
        ALREADY_SIGNED, NOT_SIGNED, EXPIRED, REVOKED, CATEGORY_NOT_AUTHORISED, CATEGORY_REVOKED
    }

    private final Why why;

    public MandateRefusedException(Why why) {
        super("mandate change refused: " + why);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
