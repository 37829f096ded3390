package fr.repere.diagnostic;

import fr.repere.directory.LieuService;
import fr.repere.directory.PriseEnChargeSpecifique;

import java.util.Set;

/**
 * What to look for in the directory for the orientation or an action: places offering
 * {@code service}, with every {@code priseEnCharge} listed (national vocabulary).
 */
public record DirectoryNeed(LieuService service, Set<PriseEnChargeSpecifique> priseEnCharge, String forWhat) {

    public DirectoryNeed {
        priseEnCharge = Set.copyOf(priseEnCharge);
    }
}
