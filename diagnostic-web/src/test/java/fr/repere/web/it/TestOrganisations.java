package fr.repere.web.it;

import fr.repere.identity.Passwords;
import fr.repere.identity.Role;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The test-data factory of the integration tests: an organisation of a test class's own, with
 * two teams and one account per role, all with the test password ({@link #PASSWORD}), so that a
 * class counts and reads its own rows whatever the other classes did and in whatever order they
 * ran. Every call makes new rows (ids and e-mails carry a random suffix): nothing is shared between
 * calls, and the test database holds no other account than those made here.
 */
final class TestOrganisations {

    /** The password of every test account (the e-mails differ; the password is not what a test checks). */
    static final String PASSWORD = "mot-de-passe-de-test";
    private static final String HASH = Passwords.hash(PASSWORD.toCharArray());

    private TestOrganisations() {
    }

    /** An account: its id (the journal's actor), its e-mail (to log in) and its name as screens show it. */
    record Account(String id, String email, String displayName) {
    }

    /**
     * An organisation and what it holds: in {@code team}, two workers, a team lead, an analyst and
     * an administrator; in {@code otherTeam}, one worker.
     */
    record Organisation(String id, String name, String team, String otherTeam, Account worker, Account secondWorker, Account lead,
                        Account analyst, Account admin, Account otherTeamWorker) {
    }

    /**
     * A new organisation named after {@code prefix} (letters, digits and dashes, 12 characters at
     * most: it starts the ids, so that a row left in the database says which class made it).
     */
    static Organisation create(String prefix) {
        checkPrefix(prefix);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String organisation = prefix + "-org-" + suffix;
        String team = prefix + "-team-a-" + suffix;
        String name = "Organisation de test " + prefix + " " + suffix;
        String otherTeam = prefix + "-team-b-" + suffix;
        try (Connection c = TestDatabase.connect()) {
            execute(c, "INSERT INTO organisation (id, name) VALUES (?, ?)", organisation, name);
            execute(c, "INSERT INTO team (id, organisation_id, name) VALUES (?, ?, ?)", team, organisation, "Équipe A");
            execute(c, "INSERT INTO team (id, organisation_id, name) VALUES (?, ?, ?)", otherTeam, organisation, "Équipe B");
            return new Organisation(organisation, name, team, otherTeam,
                    agent(c, prefix, "worker1", suffix, team, Role.WORKER, true),
                    agent(c, prefix, "worker2", suffix, team, Role.WORKER, true),
                    agent(c, prefix, "lead", suffix, team, Role.TEAM_LEAD, true),
                    agent(c, prefix, "analyst", suffix, team, Role.ANALYST, true),
                    agent(c, prefix, "admin", suffix, team, Role.ADMIN, true),
                    agent(c, prefix, "worker-b", suffix, otherTeam, Role.WORKER, true));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test organisation " + prefix, e);
        }
    }

    /**
     * A host-system key of that organisation, for all its teams, as the administrator would issue
     * it ({@code rpk_<id>_<secret>}; the database keeps the secret's SHA-256 only).
     */
    static String hostKey(Organisation organisation) {
        String id = UUID.randomUUID().toString();
        String secret = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = TestDatabase.connect()) {
            execute(c, "INSERT INTO host_credential (id, organisation_id, label, secret_sha256, created_at, created_by) "
                    + "VALUES (?, ?, 'Logiciel de test', SHA2(?, 256), UTC_TIMESTAMP(3), ?)", id, organisation.id(), secret,
                    organisation.admin().id());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot issue a test host key for " + organisation.id(), e);
        }
        return "rpk_" + id + "_" + secret;
    }

    /** A team of its own: a team lead and two workers. */
    record Team(String id, Account lead, Account worker, Account secondWorker) {
    }

    /**
     * A new team in an existing organisation (one made by {@link #create}), with its lead and two
     * workers.
     */
    static Team team(String organisation, String prefix) {
        checkPrefix(prefix);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String team = prefix + "-team-" + suffix;
        try (Connection c = TestDatabase.connect()) {
            execute(c, "INSERT INTO team (id, organisation_id, name) VALUES (?, ?, ?)", team, organisation, "Équipe " + prefix + " " + suffix);
            return new Team(team, agent(c, prefix, "lead", suffix, team, Role.TEAM_LEAD, true),
                    agent(c, prefix, "worker1", suffix, team, Role.WORKER, true),
                    agent(c, prefix, "worker2", suffix, team, Role.WORKER, true));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test team " + prefix, e);
        }
    }

    /** One more account of that role in {@code team}, active or deactivated, with the test password. */
    static Account account(String team, Role role, boolean active) {
        try (Connection c = TestDatabase.connect()) {
            return agent(c, "extra", role.name().toLowerCase().replace('_', '-'), UUID.randomUUID().toString().substring(0, 8),
                    team, role, active);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test account in " + team, e);
        }
    }

    private static void checkPrefix(String prefix) {
        if (!prefix.matches("[a-z0-9-]{1,12}")) {
            throw new IllegalArgumentException("prefix: 1 to 12 lower-case letters, digits or dashes: " + prefix);
        }
    }

    /** A demonstration account (a worker of {@code team}), which logs in only where demonstrations are allowed. */
    static Account demoAccount(String team) {
        try (Connection c = TestDatabase.connect()) {
            return agent(c, "demo", "worker", UUID.randomUUID().toString().substring(0, 8), team, Role.WORKER, true, true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a demonstration account in " + team, e);
        }
    }

    private static Account agent(Connection c, String prefix, String what, String suffix, String team, Role role, boolean active)
            throws SQLException {
        return agent(c, prefix, what, suffix, team, role, active, false);
    }

    private static Account agent(Connection c, String prefix, String what, String suffix, String team, Role role, boolean active,
                                 boolean demo) throws SQLException {
        Account account = new Account(prefix + "-" + what + "-" + suffix, what + "." + prefix + "." + suffix + "@test.invalid",
                role.label() + " de test (" + what + ")");
        execute(c, "INSERT INTO agent (id, team_id, role, display_name, email, password_hash, demo, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                account.id(), team, role.name(), account.displayName(), account.email(), HASH, demo, active);
        return account;
    }

    private static void execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("not inserted: " + sql);
            }
        }
    }
}
