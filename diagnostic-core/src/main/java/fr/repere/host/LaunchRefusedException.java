package fr.repere.host;

/** A launch refused; {@link #why()} says which check failed, for the log only (never to the browser). */
public final class LaunchRefusedException extends RuntimeException {

    private final LaunchRefusal refusal;
    private final String why;

    public LaunchRefusedException(LaunchRefusal refusal, String why) {
        super(refusal + ": " + why);
        this.refusal = refusal;
        this.why = why;
    }

    public LaunchRefusal refusal() {
        return refusal;
    }

    public String why() {
        return why;
    }
}
