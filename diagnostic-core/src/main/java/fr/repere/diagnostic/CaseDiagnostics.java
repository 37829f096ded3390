package fr.repere.diagnostic;

import java.util.Collection;
import java.util.List;

/** Query port: the diagnostics of a case reference, in some teams. */
public interface CaseDiagnostics {

    /** The diagnostics under this case reference in these teams, newest first. */
    List<Diagnostic> ofCase(Collection<String> teams, String caseRef);
}
