package fr.repere.web.api.administration;

import fr.repere.identity.Role;
import fr.repere.web.api.BodyFields;

import jakarta.json.JsonObject;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The body of {@code POST /api/v1/admin/agents}: a new account in a team of the organisation. */
public record AgentRequest(String displayName, String email, Role role, String team) {

    static final Set<Role> AGENT_ROLES = EnumSet.of(Role.WORKER, Role.TEAM_LEAD, Role.ANALYST, Role.ADMIN);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public static AgentRequest from(JsonObject body) {
        BodyFields in = new BodyFields(body, Set.of("displayName", "email", "role", "team"));
        String name = in.text("displayName", 120, true);
        String email = in.text("email", 254, true);
        if (email != null && !EMAIL.matcher(email).matches()) {
            in.error("email", "Adresse e-mail professionnelle attendue (nom@domaine.fr).");
        }
        Role role = in.code("role", AGENT_ROLES, true);
        String team = in.text("team", 36, true);
        in.done("Le compte");
        return new AgentRequest(name, email, role, team);
    }
}
