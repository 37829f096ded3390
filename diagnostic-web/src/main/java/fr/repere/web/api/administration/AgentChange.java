package fr.repere.web.api.administration;

import fr.repere.identity.Role;
import fr.repere.web.api.BodyFields;

import jakarta.json.JsonObject;

import java.util.Set;

/** The body of {@code PATCH /api/v1/admin/agents/{id}}: any of {@code active}, {@code role}, {@code team}. */
public record AgentChange(Boolean active, Role role, String team) {

    public static AgentChange from(JsonObject body) {
        BodyFields in = new BodyFields(body, Set.of("active", "role", "team"));
        Boolean active = in.bool("active");
        Role role = in.code("role", AgentRequest.AGENT_ROLES, false);
        String team = in.text("team", 36, false);
        if (body.isEmpty()) {
            in.error("", "Indiquez au moins un champ : active, role ou team.");
        }
        in.done("La modification du compte");
        return new AgentChange(active, role, team);
    }
}
