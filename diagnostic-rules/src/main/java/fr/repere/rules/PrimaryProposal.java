package fr.repere.rules;

import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.Reason;

import java.util.Objects;

/**
 * Fact inserted by a row of the primary orientation table: the orientation it proposes and why.
 * Exactly one is expected per profile ({@link DecisionCollector} checks it). The directory and
 * mandate tables match on it through {@link #getOrientation()}, the French cell value
 * ("Faire à la place").
 */
public record PrimaryProposal(Orientation primary, Reason reason) {

    public PrimaryProposal {
        Objects.requireNonNull(primary, "primary orientation");
        Objects.requireNonNull(reason, "reason");
    }

    /** The orientation as the tables write it: "Autonome", "Former", "Faire avec", "Faire à la place". */
    public String getOrientation() {
        return Vocabulaire.orientationLabel(primary);
    }
}
