package fr.repere.web.api.referral;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralDelays;
import fr.repere.referral.ReferralEvent;
import fr.repere.referral.ReferralId;
import fr.repere.referral.Referrals;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactions of the referral jobs over {@link ReferralDelays}: one query per batch, one
 * transaction per referral, each change journaled on the person's dossier as Repère's own doing.
 */
@ApplicationScoped
public class ReferralWork {

    private static final JournalEntry.Actor SYSTEM = new JournalEntry.Actor(ReferralEvent.SYSTEM, null, null);

    @Inject
    private ReferralDelays delays;

    @Inject
    private Referrals referrals;

    @Inject
    private JournalWriter journal;

    @Transactional
    public List<ReferralId> dueForReminder(Instant now, int limit) {
        return delays.dueForReminder(now, limit);
    }

    @Transactional
    public List<ReferralId> dueForExpiry(Instant now, int limit) {
        return delays.dueForExpiry(now, limit);
    }

    /** Reminds the worker if still due (checked again: another node may have done it); true if done. */
    @Transactional
    public boolean remind(ReferralId id, Instant now) {
        return logged(delays.remind(id, now), JournalAction.REFERRAL_REMIND, now);
    }

    /** Expires the referral if still due; true if done. */
    @Transactional
    public boolean expire(ReferralId id, Instant now) {
        return logged(delays.expire(id, now), JournalAction.REFERRAL_EXPIRE, now);
    }

    private boolean logged(Optional<Referral> done, JournalAction action, Instant now) {
        done.ifPresent(r -> {
            Diagnostic d = referrals.diagnosticOf(r).orElse(null);
            journal.append(JournalEntry.dossierAction(now, SYSTEM, action,
                    d == null ? null : journal.dossier(d.team(), d.caseRef()), r.id().value()));
        });
        return done.isPresent();
    }
}
