package fr.repere.referral;

import fr.repere.hostevent.RecordedHostEvents;
import fr.repere.hostevent.HostEventType;
import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticId;
import fr.repere.diagnostic.InMemoryDiagnosticRepository;
import fr.repere.diagnostic.Orientation;
import fr.repere.diagnostic.OrientationDecision;
import fr.repere.directory.LieuService;
import fr.repere.directory.ModaliteAcces;
import fr.repere.directory.Place;
import fr.repere.directory.PlaceData;
import fr.repere.questionnaire.AnswerSheet;
import fr.repere.scoring.ScoreCard;
import fr.repere.territory.Commune;
import fr.repere.territory.Geography;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final InMemoryReferrals referrals = new InMemoryReferrals();
    private final InMemoryDiagnosticRepository diagnostics = new InMemoryDiagnosticRepository();
    /** The directory places, by team then id: what each team's organisation holds. */
    private final Map<String, Map<String, Place>> directory = new HashMap<>();
    private final ReferralPlaces places = (team, id) -> id == null ? Optional.empty()
            : Optional.ofNullable(directory.getOrDefault(team, Map.of()).get(id));
    private final RecordedHostEvents hostEvents = new RecordedHostEvents();
    private final Referrals service = new Referrals(referrals, diagnostics, places, Clock.fixed(NOW, ZoneOffset.UTC), hostEvents);

    private Diagnostic diagnostic(String team) {
        Diagnostic d = Diagnostic.record(DiagnosticId.next(), team, "CASE-1", "1.0", AnswerSheet.of(Map.of()),
                new ScoreCard(Map.of(), Set.of()),
                new OrientationDecision(Orientation.AUTONOMOUS, List.of(), "1.0.0"), NOW);
        diagnostics.store(d);
        return d;
    }

    private static Place directoryPlace(String id) {
        Commune lille = Geography.shipped().commune("59350").orElseThrow();
        PlaceData data = new PlaceData(id, "00000000000000", "Médiathèque " + id, lille.nom(), lille.codesPostaux().get(0),
                "59350", "1 rue", null, null, null, Set.of(), null, List.of(), List.of(), null, null, null, null, Set.of(),
                null, LocalDate.of(2025, 1, 1), EnumSet.of(LieuService.AIDE_DEMARCHES), Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of(), List.of(), Set.of(ModaliteAcces.SE_PRESENTER), Set.of(), null, null);
        return Place.of("org-1", data, lille, Instant.EPOCH);
    }

    private static PlaceSnapshot typed(String id) {
        return new PlaceSnapshot(id, "Espace tapé", "3 place du Marché", null, "75002", "Paris", null, null, List.of(),
                List.of(), "Une pièce d'identité");
    }

    @Test
    void aPlaceOfTheTeamsDirectoryIsCopiedFromTheDirectoryNotFromWhatWasSent() {
        directory.put("team-a", Map.of("lieu-1", directoryPlace("lieu-1")));
        Diagnostic d = diagnostic("team-a");

        Referral r = service.make(d, "team-a", "agent-1", LieuService.AIDE_DEMARCHES, "lieu-1", typed("lieu-1"),
                "Une pièce d'identité");

        assertEquals("Médiathèque lieu-1", r.place().nom());
        assertEquals("lieu-1", r.place().placeId());
        assertEquals("Une pièce d'identité", r.place().whatToBring());
        assertEquals(List.of("Se présenter"), r.place().modalitesAcces());
        assertEquals(ReferralStatus.OPEN, r.status());
        assertEquals(d.id(), r.diagnosticId());
        assertEquals("team-a", r.team());
        assertEquals("agent-1", r.createdBy());
        assertEquals(NOW, r.createdAt());
        assertEquals(Optional.of(r), referrals.find(r.id()));
        assertEquals(1, referrals.flushes);
    }

    @Test
    void aPlaceTheDirectoryDoesNotKnowIsTakenAsTyped() {
        directory.put("team-b", Map.of("lieu-1", directoryPlace("lieu-1"))); // another team's organisation
        Diagnostic d = diagnostic("team-a");

        Referral r = service.make(d, "team-a", "agent-1", null, "lieu-1", typed("lieu-1"), "Une pièce d'identité");

        assertEquals("Espace tapé", r.place().nom());
        assertTrue(r.service().isEmpty());
        assertEquals(1, referrals.stored.size());
    }

    @Test
    void aPlaceNeitherKnownNorTypedIsRefusedAndNothingIsStored() {
        Diagnostic d = diagnostic("team-a");

        UnknownPlaceException e = assertThrows(UnknownPlaceException.class,
                () -> service.make(d, "team-a", "agent-1", null, "lieu-404", null, null));

        assertEquals("lieu-404", e.placeId());
        assertTrue(referrals.stored.isEmpty());
        assertEquals(0, referrals.flushes);
    }

    @Test
    void theReferralsOfADiagnosticAndItsDiagnosticAreFound() {
        Diagnostic d = diagnostic("team-a");
        Diagnostic other = diagnostic("team-a");
        Referral first = service.make(d, "team-a", "agent-1", null, null, typed("lieu-tape"), null);
        service.make(other, "team-a", "agent-1", null, null, typed("lieu-tape"), null);

        assertEquals(List.of(first), service.ofDiagnostic(d));
        assertEquals(Optional.of(d), service.diagnosticOf(first));
        assertEquals(Optional.of(d), service.diagnostic(d.id()));
    }

    @Test
    void aWorkerSeesTheReferralsTheJobRemindedAndStillOpen() {
        Diagnostic d = diagnostic("team-a");
        Referral reminded = service.make(d, "team-a", "agent-1", null, null, typed("lieu-tape"), null);
        Referral answered = service.make(d, "team-a", "agent-1", null, null, typed("lieu-tape"), null);
        Referral colleagues = service.make(d, "team-a", "agent-2", null, null, typed("lieu-tape"), null);
        Instant later = NOW.plus(Referral.REMINDER_AFTER);
        for (Referral r : List.of(reminded, answered, colleagues)) {
            assertTrue(r.remindIfDue(later));
        }
        answered.accept("agent-1", later);

        assertEquals(List.of(reminded), service.reminded("team-a", "agent-1"));
        assertEquals(Referrals.REMINDERS_SHOWN, referrals.remindedLimit);
    }

    @Test
    void thePlacesAnswerAndThePersonsVisitAreRecordedByTheAgent() {
        Referral r = service.make(diagnostic("team-a"), "team-a", "agent-1", null, null, typed("lieu-tape"), null);

        service.changeStatus(r, "agent-2", ReferralStatus.ACCEPTED, null);
        service.changeStatus(r, "agent-3", ReferralStatus.COMPLETED, null);

        assertEquals(ReferralStatus.COMPLETED, r.status());
        assertEquals(List.of("agent-1", "agent-2", "agent-3"), r.history().stream().map(ReferralEvent::actor).toList());
        assertEquals(3, referrals.flushes);
    }

    @Test
    void aRefusalKeepsItsReasonAndNeedsOne() {
        Referral r = service.make(diagnostic("team-a"), "team-a", "agent-1", null, null, typed("lieu-tape"), null);

        assertThrows(RefusalWithoutReasonException.class, () -> service.changeStatus(r, "agent-1", ReferralStatus.REFUSED, " "));
        assertEquals(ReferralStatus.OPEN, r.status());
        service.changeStatus(r, "agent-1", ReferralStatus.REFUSED, "Plus de place avant juin");

        assertEquals(ReferralStatus.REFUSED, r.status());
        assertEquals(Optional.of("Plus de place avant juin"), r.refusalReason());
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = {"OPEN", "EXPIRED"})
    void aWorkerCannotReopenNorExpireAReferral(ReferralStatus asked) {
        Referral r = service.make(diagnostic("team-a"), "team-a", "agent-1", null, null, typed("lieu-tape"), null);
        int flushes = referrals.flushes;

        ForbiddenTransitionException e = assertThrows(ForbiddenTransitionException.class,
                () -> service.changeStatus(r, "agent-1", asked, null));

        assertEquals(ReferralStatus.OPEN, e.from());
        assertEquals(asked, e.to());
        assertEquals(ReferralStatus.OPEN, r.status());
        assertEquals(1, r.history().size());
        assertEquals(flushes, referrals.flushes);
    }

    @Test
    void aClosedReferralDoesNotChangeAnyMore() {
        Referral r = service.make(diagnostic("team-a"), "team-a", "agent-1", null, null, typed("lieu-tape"), null);
        service.changeStatus(r, "agent-1", ReferralStatus.REFUSED, "Complet");

        assertThrows(ForbiddenTransitionException.class, () -> service.changeStatus(r, "agent-1", ReferralStatus.ACCEPTED, null));
        assertNull(r.remindedAt().orElse(null));
        assertEquals(Duration.ZERO, Duration.between(NOW, r.statusChangedAt()));
    }

    @Test
    void makingAReferralAndChangingItsStatusWriteThinEventsUnderTheDiagnosticsCaseReference() {
        Diagnostic d = diagnostic("team-a");
        Referral r = service.make(d, "team-a", "agent-1", null, null, typed("lieu-tape"), null);
        service.changeStatus(r, "agent-2", ReferralStatus.REFUSED, "plus de place, rappeler en mai");

        assertEquals(List.of(HostEventType.REFERRAL_CREATED, HostEventType.REFERRAL_STATUS_CHANGED), hostEvents.types());
        hostEvents.recorded().forEach(e -> {
            assertEquals("CASE-1", e.subject());
            assertEquals(r.id().value(), e.data().get("referralId"));
            assertEquals(d.id().value(), e.data().get("diagnosticId"));
            String json = e.cloudEvent("org-1");
            assertFalse(json.contains("rappeler") || json.contains("Espace tapé") || json.contains("identité"), json);
        });
        assertEquals("OPEN", hostEvents.recorded().get(0).data().get("status"));
        assertEquals("OPEN", hostEvents.last().data().get("previousStatus"));
        assertEquals("REFUSED", hostEvents.last().data().get("status"));
    }

    @Test
    void aForbiddenStatusChangeWritesNoEvent() {
        Referral r = service.make(diagnostic("team-a"), "team-a", "agent-1", null, null, typed("lieu-tape"), null);

        assertThrows(RuntimeException.class, () -> service.changeStatus(r, "agent-2", ReferralStatus.OPEN, null));

        assertEquals(List.of(HostEventType.REFERRAL_CREATED), hostEvents.types());
    }
}
