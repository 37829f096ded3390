package fr.repere.caf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

class CafConsultingTest {

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Moving clock = new Moving();
    final InMemoryCafConsultations store = new InMemoryCafConsultations();
    final CafConsulting consulting = new CafConsulting(store, clock);
    static final CafLookup RSA = new CafLookup.Found(new CafSituation(true, false));
    static final CafLookup DOWN = new CafLookup.Unavailable(CafLookup.Failure.PROVIDER_DOWN, "API Particulier indisponible (HTTP 502)", null);

    private CafConsultation answered(String interview, CafLookup lookup) {
        CafConsultation c = consulting.open(interview, "team", "agent");
        consulting.close(c.id(), lookup);
        clock.now = clock.now.plusSeconds(10);
        return c;
    }

    @Test
    void aFailedSecondConsultationDoesNotReplaceAnEarlierAnswer() {
        CafConsultation found = answered("i", RSA);
        CafConsultation failed = answered("i", DOWN);
        CafAnswers answers = consulting.answers("i");
        assertEquals(Optional.of(failed), answers.latest());
        assertEquals(Optional.of(found), answers.inForce());

        assertEquals(CafConsultation.QUARTERLY_FLAGS, consulting.useInOrientation("i"));
        assertEquals(Optional.of(CafConsultation.Use.USED), found.inOrientation());
        assertEquals(Optional.of(CafConsultation.Use.NOT_USED), failed.inOrientation());
        assertTrue(found.message().endsWith("prise en compte dans l'orientation."), found.message());
    }

    @Test
    void aLaterInformativeAnswerReplacesAnEarlierOne() {
        answered("i", RSA);
        CafConsultation none = answered("i", new CafLookup.NotFound());
        assertEquals(Optional.of(none), consulting.answers("i").inForce());
        assertEquals(Set.of(), consulting.useInOrientation("i"), "the latest answer says no file: nothing for the rules");
    }

    @Test
    void anAnswerArrivingAfterTheInterviewEndedIsSaidNotToBeUsed() {
        CafConsultation pending = consulting.open("i", "team", "agent");
        assertEquals(Set.of(), consulting.useInOrientation("i"), "completed while the CAF was still being asked");
        consulting.close(pending.id(), RSA);
        assertEquals(Optional.of(CafConsultation.Use.NOT_USED), pending.inOrientation());
        assertTrue(pending.message().endsWith("elle n'a pas été prise en compte dans l'orientation."), pending.message());
        assertEquals(Set.of(), consulting.useInOrientation("i"), "recorded once: completing is not done twice");
    }

    @Test
    void aConsultationLeftPendingPastItsDeadlineIsClosedAsLostOnce() {
        CafConsultation lost = consulting.open("i", "team", "agent");
        CafConsultation recent = null;
        clock.now = clock.now.plus(Duration.ofMinutes(3));
        recent = consulting.open("j", "team", "agent");
        Duration deadline = Duration.ofMinutes(2);

        assertEquals(List.of(lost.id()), consulting.overdue(deadline, 10));
        assertTrue(consulting.closeIfOverdue(lost.id(), deadline).isPresent());
        assertEquals(CafConsultation.Status.UNAVAILABLE, lost.status());
        assertEquals(Optional.of(CafLookup.Failure.INTERNAL), lost.failure());
        assertEquals(Optional.of(CafConsulting.LOST), lost.reason());
        assertTrue(consulting.closeIfOverdue(lost.id(), deadline).isEmpty(), "a second node finds nothing to do");
        assertTrue(consulting.close(lost.id(), RSA).isEmpty(), "the lost task's late answer is dropped");
        assertTrue(consulting.closeIfOverdue(recent.id(), deadline).isEmpty(), "within its deadline: left alone");
        assertEquals(List.of(), consulting.overdue(deadline, 10));
    }
}
