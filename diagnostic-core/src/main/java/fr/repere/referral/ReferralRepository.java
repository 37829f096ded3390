package fr.repere.referral;

import fr.repere.diagnostic.DiagnosticId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where referrals are kept. */
public interface ReferralRepository {

    void store(Referral referral);

    Optional<Referral> find(ReferralId id);

    /** The referrals made from a diagnostic, oldest first. */
    List<Referral> ofDiagnostic(DiagnosticId diagnostic);

    /** The referrals made from these diagnostics, diagnostic after diagnostic, each one's oldest first. */
    default List<Referral> ofDiagnostics(List<DiagnosticId> diagnostics) {
        return diagnostics.stream().flatMap(d -> ofDiagnostic(d).stream()).toList();
    }

    /** Open referrals made at or before {@code madeBefore} and not reminded yet: at most {@code limit}. */
    List<ReferralId> dueForReminder(Instant madeBefore, int limit);

    /** Open referrals made at or before {@code madeBefore}: at most {@code limit}. */
    List<ReferralId> dueForExpiry(Instant madeBefore, int limit);

    /** The open referrals made by this agent of this team that were reminded and still wait, oldest first: at most {@code limit}. */
    List<Referral> remindedOf(String team, String agent, int limit);

    /** Writes what is pending now, so that a refused write fails here rather than at commit. */
    default void flush() {
        // nothing to write ahead for a store without a persistence context
    }
}
