package fr.repere.web.api.caf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import fr.repere.caf.CafConsultation;
import fr.repere.caf.CafLookup;
import fr.repere.caf.CivilStatus;
import fr.repere.journal.JournalEntry;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class CafBackgroundTest {

    final List<CafCircuit.Consulted> recorded = new ArrayList<>();
    final CafRegister.Started started = new CafRegister.Started(
            CafConsultation.consented("interview", "team", "agent", Instant.parse("2026-12-07T10:00:00Z")), "dossier");
    final JournalEntry.Actor actor = new JournalEntry.Actor("agent", "WORKER", "team");
    final CivilStatus person = new CivilStatus("MARTIN", null, List.of("YVES"), null, CivilStatus.Sexe.M, "99350", null);

    final CafRegister register = new CafRegister() {
        @Override
        public void finish(Started s, JournalEntry.Actor a, CafCircuit.Consulted consulted) {
            recorded.add(consulted);
        }
    };

    private static CafCircuit throwing(Throwable t) {
        return new CafCircuit() {
            @Override
            public Consulted consult(CivilStatus person) {
                if (t instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) t;
            }
        };
    }

    @Test
    void anErrorInTheCallStillEndsTheConsultation() {
        new CafBackground(throwing(new OutOfMemoryError("Java heap space")), register).run(started, actor, person);
        assertEquals(1, recorded.size(), "closed and journaled, not left pending");
        CafLookup.Unavailable lookup = assertInstanceOf(CafLookup.Unavailable.class, recorded.get(0).lookup());
        assertEquals(CafLookup.Failure.INTERNAL, lookup.failure());
        assertEquals("erreur interne de Repère pendant l'interrogation (OutOfMemoryError)", lookup.reason());
    }

    @Test
    void aRuntimeExceptionToo() {
        new CafBackground(throwing(new IllegalStateException("boom")), register).run(started, actor, person);
        assertEquals(CafLookup.Failure.INTERNAL, ((CafLookup.Unavailable) recorded.get(0).lookup()).failure());
    }

    @Test
    void aFailureToRecordIsLeftToTheSweepWithoutEscaping() {
        CafRegister down = new CafRegister() {
            @Override
            public void finish(Started s, JournalEntry.Actor a, CafCircuit.Consulted consulted) {
                throw new IllegalStateException("database down");
            }
        };
        CafCircuit answering = new CafCircuit() {
            @Override
            public Consulted consult(CivilStatus person) {
                return new Consulted(new CafLookup.NotFound(), List.of("revenu_solidarite_active 404"));
            }
        };
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> new CafBackground(answering, down).run(started, actor, person),
                "nobody waits on the task: the sweep closes the consultation later");
    }
}
