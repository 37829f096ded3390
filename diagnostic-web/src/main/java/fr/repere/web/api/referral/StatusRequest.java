package fr.repere.web.api.referral;

import fr.repere.referral.ReferralStatus;
import fr.repere.web.api.BodyFields;

import jakarta.json.JsonObject;

import java.util.EnumSet;
import java.util.Set;

/**
 * {@code POST /api/v1/referrals/{id}/status}: the place's answer or the person's visit, as the
 * worker records it. Any status may be asked for; the lifecycle decides (an expiry is the job's
 * alone, so asking for it is refused like any forbidden change).
 */
record StatusRequest(ReferralStatus status, String reason) {

    static StatusRequest from(JsonObject body) {
        BodyFields f = new BodyFields(body, Set.of("status", "reason"));
        ReferralStatus status = f.code("status", EnumSet.allOf(ReferralStatus.class), true);
        String reason = f.text("reason", 1000, false);
        f.done("Le changement de statut");
        return new StatusRequest(status, reason);
    }
}
