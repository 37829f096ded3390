package fr.repere.webhook;

import java.time.Instant;
import java.util.List;

/**
 * An organisation's webhook endpoint as its administrators see it (never its secrets).
 *
 * @param teams          the teams whose events it receives; empty: every team of the organisation
 * @param disabledAt     null while it is sent to
 * @param disabledReason {@code GONE} (it answered 410) or {@code FAILING} (failing for 3 days); null if enabled
 * @param failingSince   the first failure since the last success; null if none
 * @param lastError      the last failure (a status code or a network error); null if none
 */
public record WebhookEndpoint(String id, String organisation, String url, List<String> teams, Instant createdAt,
                              Instant disabledAt, String disabledReason, Instant failingSince, String lastError) {

    public static final String GONE = "GONE";
    public static final String FAILING = "FAILING";

    public WebhookEndpoint {
        teams = List.copyOf(teams);
    }

    /** {@code ACTIVE}, {@code FAILING} (still sent to) or {@code DISABLED}. */
    public String status() {
        return disabledAt != null ? "DISABLED" : failingSince != null ? "FAILING" : "ACTIVE";
    }

    /** The status as its administrators read it (French). */
    public String statusLabel() {
        if (disabledAt != null) {
            return "GONE".equals(disabledReason) ? "Désactivé : le logiciel a répondu que ce point n'existe plus (410)"
                    : "Désactivé après 3 jours d'échecs";
        }
        return failingSince != null ? "En échec : les envois sont encore retentés" : "Actif";
    }
}
