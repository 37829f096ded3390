package fr.repere.web.it;

import fr.repere.web.dev.EmbeddedMariaDb;
import fr.repere.web.dev.Folders;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The V18 migration on a database of three organisations that already holds places and imports:
 * each import goes to its agent's organisation (one whose agent is gone is deleted, there being
 * several organisations), each place to every organisation that imported, none to the third. A
 * MariaDB of its own, so that the migration starts from the schema before it.
 */
class OrganisationMigrationIT {

    private static final String USER = "repere_v18";
    private static final String PASSWORD = "repere-v18-test";

    @Test
    void existingPlacesGoToEveryOrganisationThatImportedAndImportsToTheirAgentsOrganisation() throws Exception {
        Path home = Files.createTempDirectory("repere-v18-");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EmbeddedMariaDb db = EmbeddedMariaDb.start(home, port, new EmbeddedMariaDb.Accounts(USER, PASSWORD, USER, PASSWORD));
        try {
            Flyway.configure().dataSource(db.jdbcUrl(), USER, PASSWORD).locations("classpath:db/migration").target("15")
                    .load().migrate();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("INSERT INTO organisation (id, name) VALUES ('org-1', 'Département'), ('org-2', 'CCAS'), ('org-3', 'Association')");
                s.execute("INSERT INTO team (id, organisation_id, name) VALUES ('team-1', 'org-1', 'Un'), ('team-2', 'org-2', 'Deux'), "
                        + "('team-3', 'org-3', 'Trois')");
                s.execute("INSERT INTO agent (id, team_id, role, display_name, email) VALUES ('admin-1', 'team-1', 'ADMIN', 'A', "
                        + "'a1@test.invalid'), ('admin-2', 'team-2', 'ADMIN', 'B', 'a2@test.invalid')");
                for (String[] i : new String[][] {{"import-1", "admin-1"}, {"import-2", "admin-2"}, {"import-gone", "agent-parti"}}) {
                    s.execute("INSERT INTO directory_import (id, status, created_by, created_at, encoding, file_bytes, "
                            + "import_valid_lines) VALUES ('" + i[0] + "', 'DONE', '" + i[1] + "', UTC_TIMESTAMP(3), 'UTF-8', 10, FALSE)");
                }
                for (String p : new String[] {"lieu-a", "lieu-b"}) {
                    s.execute("INSERT INTO place (id, pivot, nom, commune, code_postal, code_insee, departement_code, adresse, "
                            + "date_maj, content_sha256, updated_at) VALUES ('" + p + "', '00000000000000', 'Lieu " + p + "', 'Mende', "
                            + "'48000', '48095', '48', '1 rue', '2025-06-30', REPEAT('0', 64), UTC_TIMESTAMP(3))");
                }
            }

            Flyway.configure().dataSource(db.jdbcUrl(), USER, PASSWORD).locations("classpath:db/migration").load().migrate();

            assertEquals(List.of("org-1 lieu-a Lieu lieu-a", "org-1 lieu-b Lieu lieu-b", "org-2 lieu-a Lieu lieu-a",
                    "org-2 lieu-b Lieu lieu-b"), rows(db, "SELECT organisation_id, id, nom FROM place ORDER BY organisation_id, id"));
            assertEquals(List.of("import-1 org-1", "import-2 org-2"),
                    rows(db, "SELECT id, organisation_id FROM directory_import ORDER BY id"));
            assertEquals(List.of("0"), rows(db, "SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() AND table_name = 'v18_place_owner'"), "the migration's work table is gone");
        } finally {
            db.stop();
            Folders.deleteRecursively(home);
        }
    }

    private static List<String> rows(EmbeddedMariaDb db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), USER, PASSWORD); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    cells.add(rs.getString(i));
                }
                out.add(String.join(" ", cells));
            }
        }
        return out;
    }
}
