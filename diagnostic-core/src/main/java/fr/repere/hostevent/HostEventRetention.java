package fr.repere.hostevent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long host events stay readable in the feed and replayable to webhooks: 30 days, long enough
 * for a host down over a month's end or a holiday; after that, the host re-reads the records it
 * needs with its key. Transactions are the caller's (one batch per transaction).
 */
@ApplicationScoped
public class HostEventRetention {

    public static final Duration RETENTION = Duration.ofDays(30);

    private HostEventLog log;

    /** For CDI's proxy. */
    protected HostEventRetention() {
    }

    @Inject
    public HostEventRetention(HostEventLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Deletes up to {@code limit} published events older than {@link #RETENTION} as of {@code now}, with their deliveries; returns how many. */
    public int purge(Instant now, int limit) {
        return log.purgeBefore(now.minus(RETENTION), limit);
    }
}
