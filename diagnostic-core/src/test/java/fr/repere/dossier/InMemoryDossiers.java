package fr.repere.dossier;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link Dossiers} over lists, for tests; keeps the new ids given to anonymized diagnostics. */
final class InMemoryDossiers implements Dossiers {

    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<Draft> drafts = new ArrayList<>();
    final Map<Diagnostic, DiagnosticId> renumbered = new LinkedHashMap<>();

    @Override
    public Dossier find(DossierRef ref) {
        return Dossier.of(ref,
                diagnostics.stream().filter(d -> !d.isAnonymous() && of(ref, d.team(), d.caseRef())).toList(),
                drafts.stream().filter(d -> of(ref, d.team(), d.caseRef())).toList());
    }

    private static boolean of(DossierRef ref, String team, String caseRef) {
        return ref.caseRef().equals(caseRef) && Objects.equals(ref.team(), team);
    }

    @Override
    public List<DossierRef> inactiveSince(Instant cutoff, int limit) {
        Set<DossierRef> refs = new LinkedHashSet<>();
        diagnostics.stream().filter(d -> d.caseRef() != null).forEach(d -> refs.add(new DossierRef(d.team(), d.caseRef())));
        drafts.stream().filter(d -> d.caseRef() != null).forEach(d -> refs.add(new DossierRef(d.team(), d.caseRef())));
        return refs.stream().map(this::find).filter(d -> d.inactiveSince(cutoff))
                .sorted(Comparator.comparing(d -> d.lastActivity().orElseThrow()))
                .limit(limit).map(Dossier::ref).toList();
    }

    /** Referrals and mandates are not held in memory: JpaDossiers' redaction is tested on MariaDB (RetentionIT). */
    @Override
    public void redactLinkedRecords(DossierRef ref, List<DiagnosticId> diagnostics) {
        redacted.add(ref);
    }

    final List<DossierRef> redacted = new java.util.ArrayList<>();
    final List<DiagnosticId> referralsRedacted = new ArrayList<>();

    @Override
    public List<DiagnosticId> withoutCaseInactiveSince(Instant cutoff, int limit) {
        Map<DiagnosticId, Instant> last = new LinkedHashMap<>();
        diagnostics.stream().filter(d -> d.caseRef() == null && !d.isAnonymous() && d.lastActivity().isBefore(cutoff))
                .forEach(d -> last.merge(d.id(), d.lastActivity(), (a, b) -> a.isBefore(b) ? a : b));
        drafts.stream().filter(d -> d.caseRef() == null && d.updatedAt().isBefore(cutoff))
                .forEach(d -> last.merge(d.id(), d.updatedAt(), (a, b) -> a.isBefore(b) ? a : b));
        return last.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(limit).map(Map.Entry::getKey).toList();
    }

    @Override
    public Optional<Diagnostic> diagnosticWithoutCase(DiagnosticId id) {
        return diagnostics.stream().filter(d -> d.id().equals(id) && d.caseRef() == null && !d.isAnonymous()).findFirst();
    }

    @Override
    public Optional<Draft> draftWithoutCase(DiagnosticId id) {
        return drafts.stream().filter(d -> d.id().equals(id) && d.caseRef() == null).findFirst();
    }

    /** The interviews whose CAF consultations were removed, in order. */
    final List<DiagnosticId> cafRemoved = new ArrayList<>();

    @Override
    public void removeCafConsultations(List<DiagnosticId> interviews) {
        cafRemoved.addAll(interviews);
    }

    @Override
    public void redactReferrals(List<DiagnosticId> diagnostics) {
        referralsRedacted.addAll(diagnostics);
    }

    @Override
    public void renumber(Diagnostic diagnostic, DiagnosticId newId) {
        renumbered.put(diagnostic, newId);
    }

    @Override
    public void remove(Diagnostic diagnostic) {
        diagnostics.remove(diagnostic);
    }

    @Override
    public void remove(Draft draft) {
        drafts.remove(draft);
    }

    /** How many times the caller asked to write what it changed (once per unit of work). */
    int flushes;

    @Override
    public void flush() {
        flushes++;
    }
}
