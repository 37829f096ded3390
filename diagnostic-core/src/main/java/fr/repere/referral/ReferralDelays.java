package fr.repere.referral;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.DiagnosticRepository;
import fr.repere.hostevent.HostEvents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Dora's delays on referrals left unanswered: the worker is reminded {@link Referral#REMINDER_AFTER}
 * after sending, and the referral expires {@link Referral#EXPIRY_AFTER} after sending. Everything
 * is done "as of" a given instant, so that a job can be run for any moment; each referral is
 * checked again when acted on (another node may have done it meanwhile).
 */
@ApplicationScoped
public class ReferralDelays {

    private ReferralRepository referrals;
    private DiagnosticRepository diagnostics;
    private HostEvents events;

    /** For CDI's proxy. */
    protected ReferralDelays() {
    }

    @Inject
    public ReferralDelays(ReferralRepository referrals, DiagnosticRepository diagnostics, HostEvents events) {
        this.referrals = Objects.requireNonNull(referrals, "referrals");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Open referrals due for their reminder as of {@code now}, not reminded yet: at most {@code limit}. */
    public List<ReferralId> dueForReminder(Instant now, int limit) {
        return referrals.dueForReminder(now.minus(Referral.REMINDER_AFTER), limit);
    }

    /** Open referrals due to expire as of {@code now}: at most {@code limit}. */
    public List<ReferralId> dueForExpiry(Instant now, int limit) {
        return referrals.dueForExpiry(now.minus(Referral.EXPIRY_AFTER), limit);
    }

    /** Flags the referral for its worker's reminder if still due; the referral if done, empty otherwise. */
    public Optional<Referral> remind(ReferralId id, Instant now) {
        return referrals.find(id).filter(r -> r.remindIfDue(now));
    }

    /**
     * Expires the referral if still due, with its host event (a status change); the referral if
     * done, empty otherwise.
     */
    public Optional<Referral> expire(ReferralId id, Instant now) {
        Optional<Referral> expired = referrals.find(id).filter(r -> r.expireIfDue(now));
        expired.ifPresent(r -> events.record(ReferralEvents.statusChanged(r, ReferralStatus.OPEN,
                diagnostics.find(r.diagnosticId()).map(Diagnostic::caseRef).orElse(null), now)));
        return expired;
    }
}
