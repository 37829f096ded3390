package fr.repere.referral;

import fr.repere.diagnostic.DiagnosticId;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ReferralRepository} in a map, for tests: the same selections as the JPA one; counts the flushes. */
final class InMemoryReferrals implements ReferralRepository {

    final Map<ReferralId, Referral> stored = new LinkedHashMap<>();
    int flushes;
    /** The last limit asked of {@link #remindedOf}. */
    int remindedLimit;

    @Override
    public void store(Referral referral) {
        if (stored.putIfAbsent(referral.id(), referral) != null) {
            throw new IllegalStateException("referral " + referral.id() + " stored twice");
        }
    }

    @Override
    public Optional<Referral> find(ReferralId id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public List<Referral> ofDiagnostic(DiagnosticId diagnostic) {
        return stored.values().stream().filter(r -> r.diagnosticId().equals(diagnostic))
                .sorted(Comparator.comparing(Referral::createdAt)).toList();
    }

    @Override
    public List<ReferralId> dueForReminder(Instant madeBefore, int limit) {
        return stored.values().stream().filter(r -> r.status() == ReferralStatus.OPEN && r.remindedAt().isEmpty()
                        && !r.createdAt().isAfter(madeBefore))
                .sorted(Comparator.comparing(Referral::createdAt)).limit(limit).map(Referral::id).toList();
    }

    @Override
    public List<ReferralId> dueForExpiry(Instant madeBefore, int limit) {
        return stored.values().stream().filter(r -> r.status() == ReferralStatus.OPEN && !r.createdAt().isAfter(madeBefore))
                .sorted(Comparator.comparing(Referral::createdAt)).limit(limit).map(Referral::id).toList();
    }

    @Override
    public List<Referral> remindedOf(String team, String agent, int limit) {
        remindedLimit = limit;
        return stored.values().stream().filter(r -> r.team().equals(team) && r.createdBy().equals(agent)
                        && r.status() == ReferralStatus.OPEN && r.remindedAt().isPresent())
                .sorted(Comparator.comparing(Referral::createdAt)).limit(limit).toList();
    }

    @Override
    public void flush() {
        flushes++;
    }
}
