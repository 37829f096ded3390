package fr.repere.dossier;

import fr.repere.hostevent.HostEvent;
import fr.repere.hostevent.HostEventType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The event a host receives when a dossier is erased at the person's request: the team and counts only. */
final class DossierEvents {

    private DossierEvents() {
    }

    static HostEvent erased(DossierRef ref, DossierErasure.Erased erased, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("teamId", ref.team());
        data.put("diagnosticsErased", erased.diagnostics());
        data.put("draftsErased", erased.drafts());
        return HostEvent.of(HostEventType.DOSSIER_ERASED, ref.team(), ref.caseRef(), now, data);
    }
}
