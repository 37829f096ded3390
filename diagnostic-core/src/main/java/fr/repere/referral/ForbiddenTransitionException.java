package fr.repere.referral;

/** A status change the lifecycle does not allow (a closed referral reopened, a refusal after validation…). */
public class ForbiddenTransitionException extends RuntimeException {

    private final ReferralStatus from;
    private final ReferralStatus to;

    public ForbiddenTransitionException(ReferralStatus from, ReferralStatus to) {
        super("a referral " + from + " cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public ReferralStatus from() {
        return from;
    }

    public ReferralStatus to() {
        return to;
    }
}
