package fr.repere.web.api.mandate;

import fr.repere.mandate.Autorisation;
import fr.repere.mandate.Mandate;
import fr.repere.mandate.MandateEvent;

import java.time.Instant;
import java.util.List;

/**
 * A mandate as the API shows it. Repère never stores the person's passwords or login details:
 * there is no such field, and the attestation says so to the person.
 */
public record MandateView(String id, String organisation, String diagnosticId, String status, String statusLabel,
                          boolean active, String duration, String durationLabel, int durationDays, Instant createdAt,
                          Instant signedAt, Instant expiresAt, String attestationSha256, String attestation,
                          List<Category> autorisations, List<Event> journal) {

    public record Category(String category, String label, boolean revoked, Instant revokedAt) {
    }

    public record Event(Instant at, String action, String label, String category, String actor) {
    }

    public static MandateView of(Mandate m, Instant now, boolean withJournal) {
        return new MandateView(m.id().value(), m.organisation(), m.diagnosticId().orElse(null), m.status(now).name(),
                m.status(now).label(), m.isActive(now), m.duration().name(), m.duration().label(), m.duration().days(),
                m.createdAt(), m.signedAt().orElse(null), m.expiresAt().orElse(null), m.attestationSha256().orElse(null),
                "/api/v1/mandates/" + m.id().value() + "/attestation",
                m.autorisations().stream().map(MandateView::category).toList(),
                withJournal ? m.journal().stream().map(MandateView::event).toList() : null);
    }

    /** For the person (right of access): the mandate's journal without the agents' identifiers. */
    public MandateView withoutAgents() {
        return new MandateView(id, organisation, diagnosticId, status, statusLabel, active, duration, durationLabel,
                durationDays, createdAt, signedAt, expiresAt, attestationSha256, attestation, autorisations,
                journal == null ? null : journal.stream()
                        .map(e -> new Event(e.at(), e.action(), e.label(), e.category(), null)).toList());
    }

    private static Category category(Autorisation a) {
        return new Category(a.category().name(), a.category().label(), a.isRevoked(), a.revokedAt().orElse(null));
    }

    private static Event event(MandateEvent e) {
        return new Event(e.at(), e.action().name(), e.action().label(), e.category() == null ? null : e.category().name(),
                e.actor());
    }
}
