package fr.repere.web.api.referral;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.infrastructure.JpaReferrals;
import fr.repere.journal.JournalAction;
import fr.repere.journal.JournalEntry;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralEvent;
import fr.repere.referral.ReferralId;
import fr.repere.web.security.JournalWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** The transactions of the referral jobs: one query per batch, one transaction per referral. */
@ApplicationScoped
public class ReferralWork {

    private static final JournalEntry.Actor SYSTEM = new JournalEntry.Actor(ReferralEvent.SYSTEM, null, null);

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    @Inject
    private JournalWriter journal;

    @Transactional
    public List<ReferralId> dueForReminder(Instant now, int limit) {
        return new JpaReferrals(em).dueForReminder(now.minus(Referral.REMINDER_AFTER), limit);
    }

    @Transactional
    public List<ReferralId> dueForExpiry(Instant now, int limit) {
        return new JpaReferrals(em).dueForExpiry(now.minus(Referral.EXPIRY_AFTER), limit);
    }

    /** Reminds the worker if still due (checked again: another node may have done it); true if done. */
    @Transactional
    public boolean remind(ReferralId id, Instant now) {
        Referral r = new JpaReferrals(em).find(id).orElse(null);
        if (r == null || !r.remindIfDue(now)) {
            return false;
        }
        log(r, JournalAction.REFERRAL_REMIND, now);
        return true;
    }

    /** Expires the referral if still due; true if done. */
    @Transactional
    public boolean expire(ReferralId id, Instant now) {
        Referral r = new JpaReferrals(em).find(id).orElse(null);
        if (r == null || !r.expireIfDue(now)) {
            return false;
        }
        log(r, JournalAction.REFERRAL_EXPIRE, now);
        return true;
    }

    private void log(Referral r, JournalAction action, Instant now) {
        Diagnostic d = em.find(Diagnostic.class, r.diagnosticId().value());
        journal.append(JournalEntry.dossierAction(now, SYSTEM, action,
                d == null ? null : journal.dossier(d.team(), d.caseRef()), r.id().value()));
    }
}
