package fr.repere.territory;

/** An intercommunality (établissement public de coopération intercommunale), by its SIREN. */
public record Epci(String code, String nom) {
}
