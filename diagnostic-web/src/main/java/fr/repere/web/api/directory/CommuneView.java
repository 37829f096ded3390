package fr.repere.web.api.directory;

import fr.repere.territory.Commune;

import java.util.List;

/** A commune with its EPCI (null for the few communes in none) and département. */
public record CommuneView(String code, String nom, List<String> codesPostaux, Named epci, Named departement) {

    public record Named(String code, String nom) {
    }

    static CommuneView of(Commune c) {
        return new CommuneView(c.code(), c.nom(), c.codesPostaux(),
                c.epci() == null ? null : new Named(c.epci().code(), c.epci().nom()),
                new Named(c.departement().code(), c.departement().nom()));
    }
}
