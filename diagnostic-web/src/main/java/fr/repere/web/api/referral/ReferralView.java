package fr.repere.web.api.referral;

import fr.repere.referral.OpeningHours;
import fr.repere.referral.PlaceSnapshot;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralEvent;

import java.time.Instant;
import java.util.List;

/** A referral as the API shows it: status (code and Dora's label), the place's snapshot, the history. */
public record ReferralView(String id, String diagnosticId, String status, String statusLabel, String service,
                           String serviceLabel, Instant createdAt, Instant statusChangedAt, Instant remindAt,
                           Instant expiresAt, Instant remindedAt, String refusalReason, Place place, String slip,
                           List<Event> history) {

    public record Place(String id, String nom, String adresse, String complement_adresse, String code_postal,
                        String commune, String horaires, List<String> horairesEnFrancais, String telephone,
                        List<String> courriels, List<String> modalites_acces, String whatToBring) {
    }

    public record Event(Instant at, String kind, String from, String to, String toLabel, String actor, String reason) {
    }

    public static ReferralView of(Referral r) {
        PlaceSnapshot p = r.place();
        return new ReferralView(r.id().value(), r.diagnosticId().value(), r.status().name(), r.status().label(),
                r.service().map(Enum::name).orElse(null), r.service().map(s -> s.label()).orElse(null), r.createdAt(),
                r.statusChangedAt(), r.remindAt(), r.expiresAt(), r.remindedAt().orElse(null),
                r.refusalReason().orElse(null),
                new Place(p.placeId(), p.nom(), p.adresse(), p.complementAdresse(), p.codePostal(), p.commune(),
                        p.horaires(), OpeningHours.inFrench(p.horaires()).orElse(null), p.telephone(), p.courriels(),
                        p.modalitesAcces(), p.whatToBring()),
                "/api/v1/referrals/" + r.id().value() + "/slip",
                r.history().stream().map(ReferralView::event).toList());
    }

    /** For the person (right of access): who acted is said as Repère's automatic task or not at all. */
    public ReferralView withoutAgents() {
        return new ReferralView(id, diagnosticId, status, statusLabel, service, serviceLabel, createdAt, statusChangedAt,
                remindAt, expiresAt, remindedAt, refusalReason, place, slip, history.stream()
                .map(e -> new Event(e.at(), e.kind(), e.from(), e.to(), e.toLabel(), system(e.actor()), e.reason())).toList());
    }

    private static String system(String actor) {
        return "system".equals(actor) ? "Repère (tâche automatique)" : null;
    }

    private static Event event(ReferralEvent e) {
        return new Event(e.at(), e.kind().name(), e.from() == null ? null : e.from().name(), e.to().name(),
                e.to().label(), e.actor(), e.reason());
    }
}
