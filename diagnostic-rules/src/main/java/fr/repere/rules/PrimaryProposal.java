package fr.repere.rules;

import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.Reason;

import java.util.Objects;

/**
 * Fact inserted by a rule of the orientation rule base: the primary orientation it proposes and
 * why. Exactly one is expected per profile; {@link DroolsOrientationPolicy} checks it.
 */
public record PrimaryProposal(Orientation primary, Reason reason) {

    public PrimaryProposal {
        Objects.requireNonNull(primary, "primary orientation");
        Objects.requireNonNull(reason, "reason");
    }
}
