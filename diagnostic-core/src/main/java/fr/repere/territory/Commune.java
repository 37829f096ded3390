package fr.repere.territory;

import java.util.List;
import java.util.Optional;

/**
 * A current commune: its INSEE code, name, postal codes, the EPCI it belongs to (none for a few
 * islands) and its département.
 */
public record Commune(String code, String nom, List<String> codesPostaux, Epci epci, Departement departement) {

    public Commune {
        codesPostaux = List.copyOf(codesPostaux);
    }

    public Optional<Epci> intercommunalite() {
        return Optional.ofNullable(epci);
    }

    /** Where this commune is, as codes: what statistics and unmet needs keep. */
    public Territory territory() {
        return new Territory(code, epci == null ? null : epci.code(), departement.code());
    }
}
