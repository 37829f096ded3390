package fr.repere.diagnostic;

import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.MandateDuration;

import java.util.Set;

/** For an orientation ON_BEHALF: the démarche categories concerned and a duration, with the reason. */
public record MandateSuggestion(Set<DemarcheCategory> categories, MandateDuration duration, Reason reason) {

    public MandateSuggestion {
        categories = Set.copyOf(categories);
    }
}
