package fr.repere.dossier;

import fr.repere.hostevent.RecordedHostEvents;
import fr.repere.hostevent.HostEventType;
import fr.repere.caf.CafConsultation;
import fr.repere.caf.InMemoryCafConsultations;
import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.Draft;
import fr.repere.journal.Journal;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.mandate.DemarcheCategory;
import fr.repere.mandate.Mandate;
import fr.repere.mandate.MandateDuration;
import fr.repere.mandate.MandateId;
import fr.repere.mandate.MandateRepository;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralId;
import fr.repere.referral.ReferralRepository;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DossierRightsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final DossierRef REF = new DossierRef("team-a", "CASE-1");

    /** The journal in a list. */
    static class ListJournal implements Journal {
        final List<JournalEntry> entries = new ArrayList<>();

        @Override
        public void append(JournalEntry entry) {
            entries.add(entry);
        }

        @Override
        public int purgeBefore(Instant before, int limit) {
            List<JournalEntry> old = entries.stream().filter(e -> e.at().isBefore(before)).limit(limit).toList();
            entries.removeAll(old);
            return old.size();
        }

        @Override
        public List<JournalEntry> about(String dossier) {
            return entries.stream().filter(e -> dossier.equals(e.dossier())).toList();
        }
    }

    static final class Referrals implements ReferralRepository {
        final List<DiagnosticId> asked = new ArrayList<>();

        @Override
        public void store(Referral referral) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Referral> find(ReferralId id) {
            return Optional.empty();
        }

        @Override
        public List<Referral> ofDiagnostic(DiagnosticId diagnostic) {
            asked.add(diagnostic);
            return List.of();
        }

        @Override
        public List<ReferralId> dueForReminder(Instant madeBefore, int limit) {
            return List.of();
        }

        @Override
        public List<ReferralId> dueForExpiry(Instant madeBefore, int limit) {
            return List.of();
        }

        @Override
        public List<Referral> remindedOf(String team, String agent, int limit) {
            return List.of();
        }
    }

    static final class Mandates implements MandateRepository {
        final List<Mandate> all = new ArrayList<>();

        @Override
        public void store(Mandate mandate) {
            all.add(mandate);
        }

        @Override
        public Optional<Mandate> find(MandateId id) {
            return all.stream().filter(m -> m.id().equals(id)).findFirst();
        }

        @Override
        public List<Mandate> ofDossier(String team, String caseRef) {
            return all.stream().filter(m -> team.equals(m.team()) && caseRef.equals(m.caseRef())).toList();
        }
    }

    private final InMemoryDossiers dossiers = new InMemoryDossiers();
    private final ListJournal journal = new ListJournal();
    private final Referrals referrals = new Referrals();
    private final Mandates mandates = new Mandates();
    private final InMemoryCafConsultations caf = new InMemoryCafConsultations();
    private final RecordedHostEvents hostEvents = new RecordedHostEvents();
    private final DossierRights rights = new DossierRights(dossiers, journal, referrals, mandates, caf, hostEvents, Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC));

    private Diagnostic diagnostic(String team, String caseRef) {
        return DossierFixtures.diagnostic(dossiers, team, caseRef, NOW);
    }

    private Draft draft(String team, String caseRef) {
        return DossierFixtures.draft(dossiers, team, caseRef, NOW);
    }

    private static JournalEntry about(String pseudonym) {
        return JournalEntry.dossierAction(NOW, new JournalEntry.Actor("agent-1", "WORKER", "team-a"),
                JournalAction.DIAGNOSTIC_READ, pseudonym, null);
    }

    @Test
    void anUnknownDossierIsNeitherExportedNorErased() {
        diagnostic("team-b", "CASE-1"); // the same reference in another team is another dossier
        assertEquals(Optional.empty(), rights.toExport(REF, "p-1"));
        assertEquals(Optional.empty(), rights.erase(REF, "p-1"));
        assertEquals(1, dossiers.diagnostics.size());
    }

    @Test
    void aDossierIsKnownByItsRecordsItsJournalOrForTheCopyItsMandates() {
        journal.append(about("p-1"));
        assertTrue(rights.toExport(REF, "p-1").orElseThrow().isEmpty(), "named by the journal only, after an erasure");

        mandates.store(Mandate.prepare(MandateId.next(), "org-1", "team-a", "CASE-2", null, Set.of(DemarcheCategory.SOCIAL),
                MandateDuration.ONE_MONTH, "agent-1", NOW));
        DossierRef withMandate = new DossierRef("team-a", "CASE-2");
        assertTrue(rights.toExport(withMandate, "p-2").isPresent());
        assertEquals(Optional.empty(), rights.erase(withMandate, "p-2"), "a mandate alone leaves nothing to erase");

        draft("team-a", "CASE-3");
        assertTrue(rights.toExport(new DossierRef("team-a", "CASE-3"), "p-3").isPresent());
    }

    @Test
    void theCopyHoldsTheCafAnswersTheReferralsOfEachDiagnosticAndTheJournalIncludingTheExport() {
        Diagnostic d = diagnostic("team-a", "CASE-1");
        Draft inProgress = draft("team-a", "CASE-1");
        caf.add(CafConsultation.consented(inProgress.id().value(), "team-a", "agent-1", NOW));
        caf.add(CafConsultation.consented("another-interview", "team-a", "agent-1", NOW));
        journal.append(about("p-1"));

        Dossier dossier = rights.toExport(REF, "p-1").orElseThrow();
        journal.append(about("p-1")); // the export, journaled by the caller before the copy
        DossierRights.Copy copy = rights.copy(dossier, "p-1");

        assertEquals(List.of(d), copy.dossier().diagnostics());
        assertEquals(List.of(inProgress.id().value()), copy.cafConsultations().stream().map(CafConsultation::interview).toList());
        assertEquals(List.of(d.id()), referrals.asked);
        assertEquals(2, copy.journal().size());
        assertEquals(List.of(), copy.mandates());
        assertEquals(1, dossiers.flushes, "the export's own entry is written before the journal is read");
    }

    @Test
    void erasureDeletesTheDiagnosticsDraftsAndWhatTheCafSaid() {
        Diagnostic d = diagnostic("team-a", "CASE-1");
        draft("team-a", "CASE-1");
        diagnostic("team-a", "CASE-OTHER");

        DossierErasure.Erased erased = rights.erase(REF, "p-1").orElseThrow();

        assertEquals(new DossierErasure.Erased(1, 1), erased);
        assertTrue(dossiers.find(REF).isEmpty());
        assertEquals(1, dossiers.diagnostics.size());
        assertTrue(dossiers.cafRemoved.contains(d.id()));

        journal.append(about("p-1"));
        assertTrue(rights.erase(REF, "p-1").orElseThrow().nothing(), "a second erasure: nothing left");
    }

    @Test
    void erasureStripsTheCaseReferenceFromTheEarlierEventsThenTellsTheHostUnderIt() {
        diagnostic("team-a", "CASE-1");
        hostEvents.record(fr.repere.hostevent.HostEvent.of(HostEventType.DIAGNOSTIC_COMPLETED, "team-a", "CASE-1", NOW,
                java.util.Map.of("diagnosticId", "d-1")));
        hostEvents.record(fr.repere.hostevent.HostEvent.of(HostEventType.DIAGNOSTIC_COMPLETED, "team-a", "CASE-OTHER", NOW,
                java.util.Map.of("diagnosticId", "d-2")));

        rights.erase(REF, "p-1").orElseThrow();

        assertEquals(List.of("team-a/CASE-1"), hostEvents.forgotten());
        assertEquals(null, hostEvents.recorded().get(0).subject());
        assertEquals("CASE-OTHER", hostEvents.recorded().get(1).subject());
        assertEquals(HostEventType.DOSSIER_ERASED, hostEvents.last().type());
        assertEquals("CASE-1", hostEvents.last().subject());
        assertEquals(1, hostEvents.last().data().get("diagnosticsErased"));
    }

    @Test
    void anUnknownDossierErasedTellsNobody() {
        rights.erase(REF, "p-1");

        assertEquals(List.of(), hostEvents.recorded());
    }
}
