package fr.repere.referral;

import fr.repere.hostevent.HostEvent;
import fr.repere.hostevent.HostEventType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events a host receives about a referral: ids and status codes only — never the place's
 * answer, a refusal's reason nor what the person should bring.
 */
final class ReferralEvents {

    private ReferralEvents() {
    }

    /** @param caseRef the dossier's case reference (of the referral's diagnostic), or null */
    static HostEvent created(Referral r, String caseRef, Instant now) {
        Map<String, Object> data = base(r);
        data.put("status", r.status().name());
        r.service().ifPresent(s -> data.put("service", s.name()));
        data.put("links", links(r));
        return HostEvent.of(HostEventType.REFERRAL_CREATED, r.team(), caseRef, now, data);
    }

    static HostEvent statusChanged(Referral r, ReferralStatus before, String caseRef, Instant now) {
        Map<String, Object> data = base(r);
        data.put("previousStatus", before.name());
        data.put("status", r.status().name());
        data.put("links", links(r));
        return HostEvent.of(HostEventType.REFERRAL_STATUS_CHANGED, r.team(), caseRef, now, data);
    }

    private static Map<String, Object> base(Referral r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", r.id().value());
        data.put("diagnosticId", r.diagnosticId().value());
        data.put("teamId", r.team());
        return data;
    }

    private static Map<String, Object> links(Referral r) {
        return Map.of("diagnostic", HostEvent.diagnosticLink(r.diagnosticId().value()), "referral", HostEvent.referralLink(r.id().value()));
    }
}
