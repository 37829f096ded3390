package fr.repere.rules.bench;

import fr.repere.diagnostic.Profile;
import fr.repere.rules.DroolsOrientationPolicy;
import fr.repere.rules.Evaluation;
import fr.repere.rules.Fixtures;
import fr.repere.rules.reference.ReferenceOrientation;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Evaluations per second of the orientation rule base: Drools (the shipped kjar, through
 * {@link DroolsOrientationPolicy}) against the hand-written {@link ReferenceOrientation}, on the
 * same 4,096 profiles (shuffled, fixed seed), in the same run. The hand-written class is a
 * baseline, not the oracle of the tables (their examples are): it is only checked to decide alike
 * on these profiles before anything is timed. Each call builds the full decision
 * (primary and reason, actions, directory needs, mandate). Run on demand only (see docs/performance.md):
 *
 * <pre>mvn -B -q -pl diagnostic-rules -Pbench verify</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OrientationBenchmark {

    private List<Profile> profiles;
    private DroolsOrientationPolicy drools;
    private ReferenceOrientation handWritten;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        drools = Fixtures.policy();
        handWritten = new ReferenceOrientation(Fixtures.explanations(drools.rules().kieBase()), drools.rulesetVersion());
        List<Profile> all = new ArrayList<>(Fixtures.allProfiles(List.of("URGENT_PROCEDURE", "PENDING_PROCEDURE",
                "HAPPY_NON_USER", "PREFERS_DELEGATION", "NO_DEVICE", "READING_DIFFICULTY", "DISABILITY_HEARING",
                "QUARTERLY_DECLARATION", "PROCEDURE_IMPOTS")));
        Collections.shuffle(all, new Random(42));
        profiles = List.copyOf(all.subList(0, 4096));
        for (Profile profile : profiles) { // a baseline that decides otherwise would measure nothing comparable
            if (!drools.evaluate(profile).equals(handWritten.evaluate(profile))) {
                throw new IllegalStateException("the hand-written baseline no longer decides as the tables for " + profile);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        // the shared policy lives as long as the JVM
    }

    private Profile nextProfile() {
        next = (next + 1) & 4095;
        return profiles.get(next);
    }

    @Benchmark
    public Evaluation drools() {
        return drools.evaluate(nextProfile());
    }

    @Benchmark
    public Evaluation handWritten() {
        return handWritten.evaluate(nextProfile());
    }
}
