package fr.repere.diagnostic;

/**
 * Port to the rule base: turns a scored profile into an explained orientation. Implemented by
 * diagnostic-rules (Drools); the domain does not know how the policy is written.
 */
public interface OrientationPolicy {

    /** Exactly one primary orientation, with at least one reason, for every profile. */
    OrientationDecision orient(Profile profile);
}
