package fr.repere.directory;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.territory.DiagnosticTerritory;
import fr.repere.territory.Territory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory of places of each organisation, its imports, the unmet needs and the diagnostics'
 * territories (port; MariaDB in {@code fr.repere.infrastructure}). Places and imports are an
 * organisation's: every lookup names the organisation, so another organisation's is not found.
 */
public interface Directory {

    /** The organisation a team belongs to, whose directory the team uses. */
    Optional<String> organisationOf(String team);

    /** A place of the organisation's directory. */
    Optional<Place> place(String organisation, String id);

    /** The places of these ids that the organisation's directory holds, by id. */
    Map<String, Place> places(String organisation, Collection<String> ids);

    /** The organisation's places of a territory's département, and of its EPCI where the EPCI crosses a border. */
    List<Place> near(String organisation, Territory territory);

    void add(Place place);

    void add(DirectoryImport directoryImport);

    /** An import of the organisation (its report); another organisation's is not found. */
    Optional<DirectoryImport> directoryImport(String organisation, String id);

    /** Any import, for the job that runs it (the id comes from the server, never from a request). */
    Optional<DirectoryImport> directoryImport(String id);

    /** Records an unmet need unless this diagnostic already has one for the same need; true if recorded now. */
    boolean recordOnce(UnmetNeed need, String key);

    /** A team's unmet needs, oldest first. */
    List<UnmetNeed> unmetNeedsOf(String team);

    /** The diagnostics of these ids (those that unmet needs name). */
    List<Diagnostic> diagnostics(Collection<String> ids);

    Optional<DiagnosticTerritory> territoryOf(String diagnosticId);

    void add(DiagnosticTerritory territory);

    /** Writes what the transaction changed so far, so that failures surface in the caller's error handling. */
    void flush();
}
