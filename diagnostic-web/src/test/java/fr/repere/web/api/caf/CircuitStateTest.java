package fr.repere.web.api.caf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

class CircuitStateTest {

    static final Duration PAUSE = Duration.ofSeconds(30);
    final Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
    final CircuitState circuit = new CircuitState(3, PAUSE);

    private void fail(int times, Instant at) {
        for (int i = 0; i < times; i++) {
            circuit.record(circuit.acquire(at), true, at);
        }
    }

    @Test
    void threeFailuresInARowOpenIt() {
        fail(2, t0);
        circuit.record(circuit.acquire(t0), false, t0); // a success resets the count
        fail(2, t0);
        assertEquals(CircuitState.State.CLOSED, circuit.state());
        fail(1, t0);
        assertEquals(CircuitState.State.OPEN, circuit.state());
        CircuitState.Permit refused = circuit.acquire(t0.plusSeconds(10));
        assertFalse(refused.granted());
        assertEquals(Duration.ofSeconds(20), refused.remaining());
    }

    @Test
    void afterThePauseExactlyOneProbeGoesThroughWhateverTheConcurrency() throws Exception {
        fail(3, t0);
        Instant later = t0.plus(PAUSE);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger granted = new AtomicInteger();
        List<java.util.concurrent.Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(pool.submit(() -> {
                go.await();
                if (circuit.acquire(later).granted()) {
                    granted.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (var f : all) {
            f.get(5, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(1, granted.get(), "five concurrent consultations after the pause: one probe");
        assertEquals(CircuitState.State.HALF_OPEN, circuit.state());
    }

    @Test
    void aFailedProbeReopensForAWholePause() {
        fail(3, t0);
        Instant probeAt = t0.plus(PAUSE);
        CircuitState.Permit probe = circuit.acquire(probeAt);
        assertTrue(probe.probe());
        circuit.record(probe, true, probeAt.plusSeconds(2));
        assertEquals(CircuitState.State.OPEN, circuit.state());
        assertFalse(circuit.acquire(probeAt.plus(PAUSE)).granted(), "the pause runs from the probe's end");
        assertTrue(circuit.acquire(probeAt.plusSeconds(2).plus(PAUSE)).probe());
    }

    @Test
    void aGoodProbeClosesItAndTheCountStartsAgain() {
        fail(3, t0);
        Instant probeAt = t0.plus(PAUSE);
        circuit.record(circuit.acquire(probeAt), false, probeAt);
        assertEquals(CircuitState.State.CLOSED, circuit.state());
        fail(2, probeAt);
        assertEquals(CircuitState.State.CLOSED, circuit.state(), "counters were reset when it closed");
        fail(1, probeAt);
        assertEquals(CircuitState.State.OPEN, circuit.state());
    }

    @Test
    void aConsultationStartedBeforeTheCircuitOpenedDoesNotCloseIt() {
        CircuitState.Permit early = circuit.acquire(t0);
        fail(3, t0);
        circuit.record(early, false, t0.plusSeconds(1));
        assertEquals(CircuitState.State.OPEN, circuit.state());
    }
}
