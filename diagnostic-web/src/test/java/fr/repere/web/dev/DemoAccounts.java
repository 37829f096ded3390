package fr.repere.web.dev;

import fr.repere.identity.Passwords;
import fr.repere.identity.Role;
import fr.repere.web.platform.SchemaMigration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The demonstration organisation of the run command: one team, one account per role, all marked
 * {@code demo} (the application refuses them unless {@code repere.demo-accounts=true}, which the
 * run command sets only for its embedded database). Fictitious throughout.
 */
final class DemoAccounts {

    static final String PASSWORD = "demo-repere";
    static final String ORGANISATION = "demo-org";
    static final String ORGANISATION_NAME = "CCAS de Démoville (fictif)";
    static final String TEAM = "00000000-0000-0000-0000-00000000de00";
    static final String[][] ACCOUNTS = {
            {"demo-travailleur", "travailleur@demo.repere.invalid", "WORKER", "Camille Martin (démo)"},
            {"demo-responsable", "responsable@demo.repere.invalid", "TEAM_LEAD", "Dominique Bernard (démo)"},
            {"demo-analyste", "analyste@demo.repere.invalid", "ANALYST", "Claude Petit (démo)"},
            {"demo-admin", "admin@demo.repere.invalid", "ADMIN", "Alex Durand (démo)"}};

    private DemoAccounts() {
    }

    /**
     * Migrates the schema as the application would at start-up (as the migration account, which
     * then grants the runtime account its privileges) and adds the demo accounts once.
     */
    static void ensure(String url, EmbeddedMariaDb.Accounts accounts) throws SQLException {
        SchemaMigration.flyway(url, accounts.migrationUser(), accounts.migrationPassword(), accounts.runtimeUser(),
                EmbeddedMariaDb.HOSTS).migrate();
        try (Connection c = DriverManager.getConnection(url, accounts.migrationUser(), accounts.migrationPassword())) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM team WHERE id = '" + TEAM + "'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            c.createStatement().execute("INSERT INTO organisation (id, name) VALUES ('" + ORGANISATION + "', '" + ORGANISATION_NAME + "')");
            c.createStatement().execute("INSERT INTO team (id, organisation_id, name) VALUES ('" + TEAM
                    + "', '" + ORGANISATION + "', 'Équipe insertion (fictive)')");
            String hash = Passwords.hash(PASSWORD.toCharArray());
            for (String[] a : ACCOUNTS) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO agent (id, team_id, role, display_name, email, "
                        + "password_hash, demo) VALUES (?, ?, ?, ?, ?, ?, TRUE)")) {
                    s.setString(1, a[0]);
                    s.setString(2, TEAM);
                    s.setString(3, Role.valueOf(a[2]).name());
                    s.setString(4, a[3]);
                    s.setString(5, a[1]);
                    s.setString(6, hash);
                    s.executeUpdate();
                }
            }
        }
    }
}
