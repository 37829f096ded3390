package fr.repere.territory;

/** A département, by its INSEE code ("59", "2A", "974"). */
public record Departement(String code, String nom) {
}
