package fr.repere.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The leases of the scheduled jobs, shared by every node through the database: a job runs where its
 * lease was claimed, once per period, whichever node's scheduler woke up first.
 */
public interface JobLeases {

    /**
     * Claims {@code job} for the run {@code run} during {@code hold}, if no other run holds it now;
     * true if claimed. A lease left by a node that died expires like any other.
     */
    boolean claim(String job, String run, Duration hold);

    /** Records how the run that claimed {@code job} ended; its lease is kept until it expires. */
    void finished(String job, String run, Duration took, boolean succeeded);

    /** Each job's last run as the leases record it, by job name. */
    Map<String, LastRun> lastRuns();

    /** A job's last run: where it started, when, and, once ended, how long it took and whether it succeeded. */
    record LastRun(String holder, Instant startedAt, Long durationMillis, Boolean succeeded) {
    }
}
