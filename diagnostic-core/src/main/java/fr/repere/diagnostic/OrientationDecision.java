package fr.repere.diagnostic;

import java.util.List;
import java.util.Objects;

/** What the rule base proposes for a profile, why, and with which ruleset version. */
public record OrientationDecision(Orientation primary, List<Reason> reasons, String rulesetVersion) {

    public OrientationDecision {
        Objects.requireNonNull(primary, "primary orientation");
        Objects.requireNonNull(rulesetVersion, "ruleset version");
        reasons = List.copyOf(reasons);
    }
}
