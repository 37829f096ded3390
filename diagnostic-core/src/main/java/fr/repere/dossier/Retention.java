package fr.repere.dossier;

import fr.repere.diagnostic.DiagnosticId;
import fr.repere.hostevent.HostEvents;
import fr.repere.identity.LoginAttempts;
import fr.repere.journal.Journal;
import fr.repere.journal.RefusalCounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The retention jobs' use cases over injected ports: anonymization of the dossiers, and of the
 * records saved without a case reference, past their period ({@link DossierRetention}); purge of
 * the journal, of the refusal counts kept as long as it, and of idle login throttle keys. Each
 * call is one unit of work; transactions are the caller's.
 */
@ApplicationScoped
public class Retention {

    /** A login throttle key idle this long is forgotten: longer than any wait, and than its failures are remembered. */
    public static final Duration LOGIN_THROTTLE_IDLE = Duration.ofDays(1);

    private Dossiers dossiers;
    private Journal journal;
    private RefusalCounts refusalCounts;
    private LoginAttempts loginAttempts;
    private HostEvents events;

    /** For CDI's proxy. */
    protected Retention() {
    }

    @Inject
    public Retention(Dossiers dossiers, Journal journal, RefusalCounts refusalCounts, LoginAttempts loginAttempts,
                     HostEvents events) {
        this.dossiers = Objects.requireNonNull(dossiers, "dossiers");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.refusalCounts = Objects.requireNonNull(refusalCounts, "refusalCounts");
        this.loginAttempts = Objects.requireNonNull(loginAttempts, "loginAttempts");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Up to {@code limit} dossiers due for anonymization as of {@code now}, after {@code period} without activity. */
    public List<DossierRef> dueDossiers(RetentionPeriod period, Instant now, int limit) {
        return new DossierRetention(dossiers, period).due(now, limit);
    }

    /**
     * Anonymizes the dossier if it is (still) due, and the events the hosts were told of it lose
     * their case reference; empty if there was nothing to do.
     */
    public Optional<Dossier.Anonymization> anonymizeIfDue(RetentionPeriod period, DossierRef ref, Instant now) {
        Optional<Dossier.Anonymization> done = new DossierRetention(dossiers, period).anonymizeIfDue(ref, now);
        done.ifPresent(a -> events.forgetDossier(ref.team(), ref.caseRef()));
        return done;
    }

    /** Ids of the diagnostics and drafts saved without a case reference that are due. */
    public List<DiagnosticId> dueWithoutCase(RetentionPeriod period, Instant now, int limit) {
        return new DossierRetention(dossiers, period).dueWithoutCase(now, limit);
    }

    /** Anonymizes the diagnostic, and deletes the draft, of that id saved without a case reference, if (still) due. */
    public boolean anonymizeWithoutCaseIfDue(RetentionPeriod period, DiagnosticId id, Instant now) {
        return new DossierRetention(dossiers, period).anonymizeWithoutCaseIfDue(id, now);
    }

    /** Deletes one batch of journal entries past {@code period} as of {@code now}; returns how many. */
    public int purgeJournal(RetentionPeriod period, Instant now, int limit) {
        return journal.purgeBefore(period.cutoff(now), limit);
    }

    /** Deletes one batch of refusal counts past the journal's {@code period} (kept as long as it); returns how many. */
    public int purgeRefusalCounts(RetentionPeriod period, Instant now, int limit) {
        return refusalCounts.purgeBefore(period.cutoff(now), limit);
    }

    /** Deletes one batch of login throttle keys idle for {@link #LOGIN_THROTTLE_IDLE}; returns how many. */
    public int purgeIdleLoginThrottles(Instant now, int limit) {
        return loginAttempts.purgeIdleBefore(now.minus(LOGIN_THROTTLE_IDLE), limit);
    }

    /** Writes the anonymization now, so that a failure stays with its dossier. */
    public void flush() {
        dossiers.flush();
    }
}
