package fr.repere.web.it;

import fr.repere.identity.Passwords;
import fr.repere.identity.Role;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The agents of the integration tests: two teams of one organisation, one agent per role in team
 * A, a worker in team B; and another organisation ("Autre CCAS", one team) with its own
 * administrator, analyst, team lead, worker and host key, the callers that must find nothing of the first.
 * Written as the schema's owner once the schema is migrated (the application finds it up to date).
 */
final class TestAgents {

    static final String PASSWORD = "mot-de-passe-de-test";
    static final String TEAM_A = "00000000-0000-0000-0000-00000000000a";
    static final String TEAM_B = "00000000-0000-0000-0000-00000000000b";
    static final String WORKER_A = "travailleur.a@test.invalid";
    static final String LEAD_A = "responsable.a@test.invalid";
    static final String ANALYST = "analyste@test.invalid";
    static final String ADMIN = "admin@test.invalid";
    static final String WORKER_B = "travailleur.b@test.invalid";
    static final String DEMO = "demo@test.invalid";
    /** The host-system key of the test organisation, and one of another organisation. */
    static final String HOST_KEY = "rpk_00000000-0000-0000-0000-0000000000c1_cle-de-test-du-logiciel-metier";
    static final String OTHER_ORGANISATION_HOST_KEY = "rpk_00000000-0000-0000-0000-0000000000c2_cle-d-une-autre-organisation";
    static final String OTHER_ORGANISATION_AGENT = "agent-other-organisation";
    static final String OTHER_ORGANISATION = "org-other";
    static final String OTHER_TEAM = "team-other";
    /** The other organisation's worker (agent {@link #OTHER_ORGANISATION_AGENT}), team lead, analyst and administrator. */
    static final String OTHER_WORKER = "autre.organisation@test.invalid";
    static final String OTHER_LEAD = "responsable.autre@test.invalid";
    static final String OTHER_ANALYST = "analyste.autre@test.invalid";
    static final String OTHER_ADMIN = "admin.autre@test.invalid";

    private TestAgents() {
    }

    static void seed(String url, String user, String password) {
        String hash = Passwords.hash(PASSWORD.toCharArray());
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM organisation WHERE id = 'org-test'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return; // a database kept from a previous run (-Dit.db.keep=true) is seeded already
                }
            }
            c.createStatement().execute("INSERT INTO organisation (id, name) VALUES ('org-test', 'CCAS de test')");
            c.createStatement().execute("INSERT INTO team (id, organisation_id, name) VALUES ('" + TEAM_A + "', 'org-test', 'Équipe A'), ('"
                    + TEAM_B + "', 'org-test', 'Équipe B')");
            agent(c, "agent-worker-a", TEAM_A, Role.WORKER, WORKER_A, hash, false);
            agent(c, "agent-lead-a", TEAM_A, Role.TEAM_LEAD, LEAD_A, hash, false);
            agent(c, "agent-analyst", TEAM_A, Role.ANALYST, ANALYST, hash, false);
            agent(c, "agent-admin", TEAM_A, Role.ADMIN, ADMIN, hash, false);
            agent(c, "agent-worker-b", TEAM_B, Role.WORKER, WORKER_B, hash, false);
            agent(c, "agent-demo", TEAM_A, Role.WORKER, DEMO, hash, true);
            c.createStatement().execute("INSERT INTO organisation (id, name) VALUES ('org-other', 'Autre CCAS')");
            c.createStatement().execute("INSERT INTO team (id, organisation_id, name) VALUES ('team-other', 'org-other', 'Autre équipe')");
            agent(c, OTHER_ORGANISATION_AGENT, OTHER_TEAM, Role.WORKER, OTHER_WORKER, hash, false);
            agent(c, "agent-other-lead", OTHER_TEAM, Role.TEAM_LEAD, OTHER_LEAD, hash, false);
            agent(c, "agent-other-analyst", OTHER_TEAM, Role.ANALYST, OTHER_ANALYST, hash, false);
            agent(c, "agent-other-admin", OTHER_TEAM, Role.ADMIN, OTHER_ADMIN, hash, false);
            hostKey(c, HOST_KEY, "org-test");
            hostKey(c, OTHER_ORGANISATION_HOST_KEY, "org-other");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed the test agents", e);
        }
    }

    private static void hostKey(Connection c, String key, String organisation) throws SQLException {
        String id = key.substring(4, 40);
        String secret = key.substring(41);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO host_credential (id, organisation_id, label, secret_sha256, "
                + "created_at, created_by) VALUES (?, ?, 'Logiciel de test', SHA2(?, 256), UTC_TIMESTAMP(3), 'agent-admin')")) {
            s.setString(1, id);
            s.setString(2, organisation);
            s.setString(3, secret);
            s.executeUpdate();
        }
    }

    private static void agent(Connection c, String id, String team, Role role, String email, String hash, boolean demo)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO agent (id, team_id, role, display_name, email, password_hash, demo) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, team);
            s.setString(3, role.name());
            s.setString(4, role.label() + " de test");
            s.setString(5, email);
            s.setString(6, hash);
            s.setBoolean(7, demo);
            s.executeUpdate();
        }
    }
}
