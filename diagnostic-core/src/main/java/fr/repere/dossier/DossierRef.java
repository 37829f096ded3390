package fr.repere.dossier;

import java.util.Objects;

/**
 * A person's dossier: the host software's case reference within a team. The same reference in
 * two teams is two dossiers (and maybe two people). {@code team} is null for the dossiers taken
 * before teams existed, which only the retention job still touches.
 */
public record DossierRef(String team, String caseRef) {

    public DossierRef {
        Objects.requireNonNull(caseRef, "a dossier has a case reference");
    }
}
