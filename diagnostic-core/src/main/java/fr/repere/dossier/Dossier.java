package fr.repere.dossier;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything Repère holds on one person in one team: the diagnostics and the interviews in
 * progress that carry the dossier's case reference. Its last activity is the latest diagnostic
 * taken, decision recorded or draft saved; reading a dossier is not an activity (it is not a
 * contact with the person).
 *
 * <p>Invariant: every diagnostic and draft is of this team and case reference, and none is
 * anonymous (an anonymous diagnostic belongs to no dossier).
 */
public final class Dossier {

    private final DossierRef ref;
    private final List<Diagnostic> diagnostics;
    private final List<Draft> drafts;

    private Dossier(DossierRef ref, List<Diagnostic> diagnostics, List<Draft> drafts) {
        this.ref = ref;
        this.diagnostics = List.copyOf(diagnostics);
        this.drafts = List.copyOf(drafts);
    }

    public static Dossier of(DossierRef ref, List<Diagnostic> diagnostics, List<Draft> drafts) {
        diagnostics.forEach(d -> check(ref, d.team(), d.caseRef(), d.id()));
        drafts.forEach(d -> check(ref, d.team(), d.caseRef(), d.id()));
        return new Dossier(ref,
                diagnostics.stream().sorted(Comparator.comparing(Diagnostic::takenAt)).toList(),
                drafts.stream().sorted(Comparator.comparing(Draft::startedAt)).toList());
    }

    private static void check(DossierRef ref, String team, String caseRef, DiagnosticId id) {
        if (!ref.caseRef().equals(caseRef) || !java.util.Objects.equals(ref.team(), team)) {
            throw new IllegalArgumentException(id + " is not of the dossier");
        }
    }

    public DossierRef ref() {
        return ref;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<Draft> drafts() {
        return drafts;
    }

    /**
     * The ids of its interviews: drafts and diagnostics (a completed draft's diagnostic keeps its
     * id), each once. What was learnt during an interview (the CAF's answer) hangs on these ids.
     */
    public List<DiagnosticId> interviews() {
        return Stream.concat(diagnostics.stream().map(Diagnostic::id), drafts.stream().map(Draft::id)).distinct().toList();
    }

    /** Nothing held: no diagnostic, no draft (never opened, or already anonymized or erased). */
    public boolean isEmpty() {
        return diagnostics.isEmpty() && drafts.isEmpty();
    }

    /** The latest diagnostic taken, decision recorded or draft saved; empty for an empty dossier. */
    public Optional<Instant> lastActivity() {
        return Stream.concat(diagnostics.stream().map(Diagnostic::lastActivity), drafts.stream().map(Draft::updatedAt))
                .max(Comparator.naturalOrder());
    }

    /** Whether the retention period has run out: nothing happened since {@code cutoff}. */
    public boolean inactiveSince(Instant cutoff) {
        return lastActivity().map(last -> last.isBefore(cutoff)).orElse(false);
    }

    /**
     * Anonymizes the dossier: each diagnostic loses what links it to the person
     * ({@link Diagnostic#anonymize}) and is to be known under a new id from now on (the host
     * software and the journal may hold the old one); the drafts, unfinished personal data with
     * no statistical use, are to be deleted. The caller stores the result.
     */
    public Anonymization anonymize(Instant now) {
        Map<DiagnosticId, DiagnosticId> newIds = new LinkedHashMap<>();
        diagnostics.forEach(d -> {
            d.anonymize(now);
            newIds.put(d.id(), DiagnosticId.next());
        });
        return new Anonymization(ref, newIds, drafts);
    }

    /** What anonymizing a dossier changed: diagnostics to renumber, drafts to delete. */
    public record Anonymization(DossierRef dossier, Map<DiagnosticId, DiagnosticId> newIds, List<Draft> draftsToDelete) {

        public Anonymization {
            newIds = Map.copyOf(newIds);
            draftsToDelete = List.copyOf(draftsToDelete);
        }

        public int diagnostics() {
            return newIds.size();
        }

        public int drafts() {
            return draftsToDelete.size();
        }
    }
}
