package fr.repere.dossier;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.Draft;

import java.util.List;

/** A dossier's records in time order, for the screen of its history (query port; MariaDB in {@code fr.repere.infrastructure}). */
public interface DossierTimeline {

    /** The diagnostics of the team's case, newest first. */
    List<Diagnostic> diagnostics(String team, String caseRef);

    /** The interviews in progress of the team's case, last saved first. */
    List<Draft> drafts(String team, String caseRef);
}
