package fr.repere.mandate;

import fr.repere.hostevent.HostEvent;
import fr.repere.hostevent.HostEventType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events a host receives about a mandate: ids, status and dates — never the démarches it
 * covers (they may say more about the person than the host needs) nor the attestation.
 */
final class MandateEvents {

    private MandateEvents() {
    }

    static HostEvent signed(Mandate m, Instant now) {
        return HostEvent.of(HostEventType.MANDATE_SIGNED, m.team(), m.caseRef(), now, data(m, now));
    }

    /** One autorisation or the whole mandate was revoked; {@code status} says whether any is left. */
    static HostEvent revoked(Mandate m, boolean whole, Instant now) {
        Map<String, Object> data = data(m, now);
        data.put("wholeMandate", whole);
        return HostEvent.of(HostEventType.MANDATE_REVOKED, m.team(), m.caseRef(), now, data);
    }

    private static Map<String, Object> data(Mandate m, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mandateId", m.id().value());
        data.put("teamId", m.team());
        m.diagnosticId().ifPresent(d -> data.put("diagnosticId", d));
        data.put("status", m.status(now).name());
        m.expiresAt().ifPresent(e -> data.put("expiresAt", e.toString()));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("mandate", HostEvent.mandateLink(m.id().value()));
        m.diagnosticId().ifPresent(d -> links.put("diagnostic", HostEvent.diagnosticLink(d)));
        data.put("links", links);
        return data;
    }
}
