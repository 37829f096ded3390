package fr.repere.referral;

/** A referral refused without saying why: the team lead needs the reason. */
public class RefusalWithoutReasonException extends RuntimeException {

    public RefusalWithoutReasonException() {
        super("a refusal needs a reason");
    }
}
