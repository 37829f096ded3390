package fr.repere.diagnostic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rule base proposes for a profile, and why: exactly one primary orientation, zero or
 * more complementary actions, what to look for in the directory, and for ON_BEHALF a mandate
 * suggestion; with the ruleset version that decided.
 */
public record OrientationDecision(Orientation primary, List<Reason> reasons, List<ActionProposal> actions,
                                  List<DirectoryNeed> needs, MandateSuggestion mandate, String rulesetVersion) {

    public OrientationDecision {
        Objects.requireNonNull(primary, "primary orientation");
        Objects.requireNonNull(rulesetVersion, "ruleset version");
        reasons = List.copyOf(reasons);
        actions = List.copyOf(actions);
        needs = List.copyOf(needs);
    }

    /** A decision with a primary orientation only. */
    public OrientationDecision(Orientation primary, List<Reason> reasons, String rulesetVersion) {
        this(primary, reasons, List.of(), List.of(), null, rulesetVersion);
    }

    public Optional<MandateSuggestion> mandateSuggestion() {
        return Optional.ofNullable(mandate);
    }
}
