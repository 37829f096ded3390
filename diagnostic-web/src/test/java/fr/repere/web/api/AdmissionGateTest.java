package fr.repere.web.api;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node's admission: so many at once, so many waiting, for so long; past that, refused at once. */
class AdmissionGateTest {

    @Test
    void withNoWaitingRoomTheSecondRequestIsRefusedAndTheTurnComesBackWhenReleased() {
        AdmissionGate gate = new AdmissionGate(1, 0, 10_000);
        AdmissionGate.Turn first = gate.enter().orElseThrow();
        assertTrue(gate.enter().isEmpty(), "one at a time, nobody may wait: refused without waiting 10 s");
        first.release();
        assertTrue(gate.enter().isPresent());
    }

    @Test
    void aFullWaitingRoomRefusesTheNextAtOnceAndTheWaitingOneGetsTheTurnReleased() throws Exception {
        AdmissionGate gate = new AdmissionGate(1, 1, 60_000);
        AdmissionGate.Turn first = gate.enter().orElseThrow();
        CompletableFuture<Optional<AdmissionGate.Turn>> waiter = CompletableFuture.supplyAsync(gate::enter);
        for (int i = 0; i < 500 && gate.waiting() == 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, gate.waiting(), "the second request waits for its turn");
        assertTrue(gate.enter().isEmpty(), "the waiting room (1) is full: the third is refused without waiting a minute");
        assertFalse(waiter.isDone());
        first.release();
        assertTrue(waiter.get(30, TimeUnit.SECONDS).isPresent(), "the waiting request got the turn given back");
        assertEquals(0, gate.available());
    }

    @Test
    void aWaitingRequestIsRefusedWhenItsWaitIsOver() throws Exception {
        AdmissionGate gate = new AdmissionGate(1, 5, 20);
        gate.enter().orElseThrow();
        assertTrue(CompletableFuture.supplyAsync(gate::enter).get(30, TimeUnit.SECONDS).isEmpty());
        assertEquals(0, gate.waiting());
    }

    @Test
    void aTurnGivenBackTwiceCountsOnce() {
        AdmissionGate gate = new AdmissionGate(2, 0, 0);
        AdmissionGate.Turn turn = gate.enter().orElseThrow();
        turn.release();
        turn.release();
        assertEquals(2, gate.available(), "not 3: a turn released by the response filter and again by the listener");
    }

    @Test
    void nonsenseLimitsAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new AdmissionGate(0, 10, 100));
        assertThrows(IllegalArgumentException.class, () -> new AdmissionGate(4, -1, 100));
    }
}
