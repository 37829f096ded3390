package fr.repere.mandate;

import fr.repere.hostevent.RecordedHostEvents;
import fr.repere.hostevent.HostEventType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import static fr.repere.mandate.DemarcheCategory.LOGEMENT;
import static fr.repere.mandate.DemarcheCategory.SOCIAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MandatesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    /** Mandates in a map: the same selection as the JPA one; counts the flushes and the dossier reads. */
    static final class InMemoryMandates implements MandateRepository {
        final Map<MandateId, Mandate> stored = new LinkedHashMap<>();
        int flushes;
        int dossierReads;

        @Override
        public void store(Mandate mandate) {
            stored.put(mandate.id(), mandate);
        }

        @Override
        public Optional<Mandate> find(MandateId id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public List<Mandate> ofDossier(String team, String caseRef) {
            dossierReads++;
            return stored.values().stream().filter(m -> m.team().equals(team) && m.caseRef().equals(caseRef))
                    .sorted(Comparator.comparing(Mandate::createdAt).reversed()).toList();
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    private final InMemoryMandates repository = new InMemoryMandates();
    private final MandateHolders holders = new MandateHolders() {
        @Override
        public Optional<String> organisationOf(String team) {
            return team.startsWith("team-") ? Optional.of("org-1") : Optional.empty();
        }

        @Override
        public String name(String organisation) {
            return "org-1".equals(organisation) ? "Centre social des Tilleuls" : "";
        }
    };
    private final RecordedHostEvents hostEvents = new RecordedHostEvents();
    private final Mandates mandates = new Mandates(repository, holders, Clock.fixed(NOW, ZoneOffset.UTC), hostEvents);

    private Mandate prepared() {
        return mandates.prepare("team-a", "CASE-1", "diag-1", List.of(SOCIAL, LOGEMENT), MandateDuration.ONE_MONTH,
                "agent-1").orElseThrow();
    }

    @Test
    void theMandateIsHeldByTheTeamsOrganisationAndAwaitsSignature() {
        Mandate m = prepared();

        assertEquals("org-1", m.organisation());
        assertEquals("team-a", m.team());
        assertEquals("CASE-1", m.caseRef());
        assertEquals(Optional.of("diag-1"), m.diagnosticId());
        assertEquals(Set.of(SOCIAL, LOGEMENT), Set.copyOf(m.autorisations().stream().map(Autorisation::category).toList()));
        assertEquals(MandateStatus.AWAITING_SIGNATURE, m.status(NOW));
        assertEquals(NOW, m.createdAt());
        assertEquals(Optional.of(m), repository.find(m.id()));
        assertEquals(1, repository.flushes);
        assertEquals(NOW, mandates.now());
    }

    @Test
    void anAnonymizedDossierGetsNoMandate() {
        assertEquals(Optional.empty(), mandates.prepare("team-a", null, "diag-1", List.of(SOCIAL), MandateDuration.ONE_DAY,
                "agent-1"));
        assertTrue(repository.stored.isEmpty());
        assertEquals(0, repository.flushes);
    }

    @Test
    void aTeamWithoutOrganisationCannotHoldAMandate() {
        assertThrows(NoSuchElementException.class, () -> mandates.prepare("unknown", "CASE-1", null, List.of(SOCIAL),
                MandateDuration.ONE_DAY, "agent-1"));
        assertTrue(repository.stored.isEmpty());
    }

    @Test
    void theMandatesOfADossierNewestFirstAndNoneForAnAnonymizedOne() {
        Mandate m = prepared();
        Mandate other = mandates.prepare("team-b", "CASE-1", null, List.of(SOCIAL), MandateDuration.ONE_DAY, "agent-9")
                .orElseThrow();

        assertEquals(List.of(m), mandates.ofDossier("team-a", "CASE-1"));
        assertEquals(List.of(other), mandates.ofDossier("team-b", "CASE-1"));
        int reads = repository.dossierReads;
        assertEquals(List.of(), mandates.ofDossier("team-a", null));
        assertEquals(reads, repository.dossierReads);
    }

    @Test
    void signingStartsTheDurationAndUsingIsJournaled() {
        Mandate m = prepared();

        mandates.sign(m, "agent-2", "a".repeat(64));
        mandates.use(m, SOCIAL, "agent-3");

        assertTrue(m.isActive(NOW));
        assertEquals(Optional.of(NOW.plus(MandateDuration.ONE_MONTH.days(), ChronoUnit.DAYS)), m.expiresAt());
        assertEquals(Optional.of("a".repeat(64)), m.attestationSha256());
        assertEquals(MandateAction.USE_AUTORISATION, m.journal().get(m.journal().size() - 1).action());
        assertEquals("agent-3", m.journal().get(m.journal().size() - 1).actor());
        assertEquals(3, repository.flushes);
    }

    @Test
    void revokingOneCategoryKeepsTheOthers() {
        Mandate m = prepared();
        mandates.sign(m, "agent-1", null);

        mandates.revoke(m, LOGEMENT, "agent-1");

        assertEquals(Set.of(SOCIAL), m.categoriesInForce());
        assertTrue(m.isActive(NOW));
        MandateRefusedException e = assertThrows(MandateRefusedException.class, () -> mandates.use(m, LOGEMENT, "agent-1"));
        assertEquals(MandateRefusedException.Why.CATEGORY_REVOKED, e.why());
    }

    @Test
    void noCategoryRevokesTheWholeMandate() {
        Mandate m = prepared();
        mandates.sign(m, "agent-1", null);

        mandates.revoke(m, null, "agent-1");

        assertEquals(MandateStatus.REVOKED, m.status(NOW));
        assertFalse(m.isActive(NOW));
        assertEquals(MandateAction.CANCEL_MANDAT, m.journal().get(m.journal().size() - 1).action());
        MandateRefusedException e = assertThrows(MandateRefusedException.class, () -> mandates.revoke(m, null, "agent-1"));
        assertEquals(MandateRefusedException.Why.REVOKED, e.why());
    }

    @Test
    void aRefusedChangeIsNotWritten() {
        Mandate m = prepared();
        int flushes = repository.flushes;

        assertThrows(MandateRefusedException.class, () -> mandates.use(m, SOCIAL, "agent-1"));

        assertEquals(flushes, repository.flushes);
    }

    @Test
    void theAttestationNamesTheHoldingOrganisation() {
        assertEquals("Centre social des Tilleuls", mandates.holderName(prepared().organisation()));
        assertEquals("", mandates.holderName("org-unknown"));
    }

    @Test
    void signingAndRevokingWriteThinEventsUnderTheCaseReference() {
        Mandate m = prepared();
        assertEquals(List.of(), hostEvents.recorded(), "a mandate awaiting signature is not told");

        mandates.sign(m, "agent-1", "a".repeat(64));
        mandates.revoke(m, LOGEMENT, "agent-1");
        mandates.revoke(m, null, "agent-1");

        assertEquals(List.of(HostEventType.MANDATE_SIGNED, HostEventType.MANDATE_REVOKED, HostEventType.MANDATE_REVOKED),
                hostEvents.types());
        hostEvents.recorded().forEach(e -> {
            assertEquals("CASE-1", e.subject());
            assertEquals(m.id().value(), e.data().get("mandateId"));
            String json = e.cloudEvent("org-1");
            assertFalse(json.contains("LOGEMENT") || json.contains("a".repeat(64)), json);
        });
        assertEquals("ACTIVE", hostEvents.recorded().get(0).data().get("status"));
        assertEquals("ACTIVE", hostEvents.recorded().get(1).data().get("status"));
        assertEquals(false, hostEvents.recorded().get(1).data().get("wholeMandate"));
        assertEquals("REVOKED", hostEvents.last().data().get("status"));
        assertEquals(true, hostEvents.last().data().get("wholeMandate"));
    }

    @Test
    void aRefusedRevocationWritesNoEvent() {
        Mandate m = prepared();

        assertThrows(MandateRefusedException.class, () -> mandates.revoke(m, SOCIAL, "agent-1"));

        assertEquals(List.of(), hostEvents.recorded());
    }
}
