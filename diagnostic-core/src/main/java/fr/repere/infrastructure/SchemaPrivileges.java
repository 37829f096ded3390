package fr.repere.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the runtime account (the application's data source) may do in the schema, given by the
 * migration account after every migration, so that a table added by a later migration is covered
 * without anyone writing a GRANT:
 * <ul>
 * <li>the append-only journals ({@link #APPEND_ONLY}): SELECT and INSERT only — their purge and
 * redaction go through the procedures of V16, which run with the migration account's rights;</li>
 * <li>the statistics kept by triggers ({@link #TRIGGER_MAINTAINED}): SELECT only (the triggers
 * write them with their definer's rights);</li>
 * <li>every other table: SELECT, INSERT, UPDATE, DELETE; views: SELECT;</li>
 * <li>EXECUTE on the {@link #PROCEDURES} the application calls, and nothing else: no DDL, no
 * TRIGGER, no GRANT, no privilege on the schema as a whole.</li>
 * </ul>
 * Privileges granted earlier on the schema as a whole (an installation that had one account with
 * ALL PRIVILEGES) are revoked once the table-level ones are in place, so the application never
 * loses a right it needs while this runs.
 */
public final class SchemaPrivileges {

    /** The journals: rows are added, never changed nor removed by the application. The one list. */
    public static final List<String> APPEND_ONLY = List.of("journal_entry", "mandate_event", "referral_event");

    /** Derived tables that only the statistics triggers write. */
    public static final List<String> TRIGGER_MAINTAINED = List.of("stat_diagnostic", "stat_progress", "stat_count", "stat_grain");

    /** Procedures the application calls (V16). */
    public static final List<String> PROCEDURES = List.of("journal_purge", "referral_event_redact");

    /** Flyway's own table: the runtime account has no business there. */
    static final String MIGRATION_HISTORY = "flyway_schema_history";

    private static final String DML = "SELECT, INSERT, UPDATE, DELETE";
    /** Every table-level privilege, so that what is not wanted can be revoked. */
    private static final Set<String> TABLE_PRIVILEGES = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP",
            "REFERENCES", "INDEX", "ALTER", "CREATE VIEW", "SHOW VIEW", "TRIGGER", "DELETE HISTORY", "GRANT OPTION");
    private static final Pattern ACCOUNT_PART = Pattern.compile("[A-Za-z0-9_.%:-]{1,80}");
    private static final int NO_SUCH_GRANT = 1141;

    private SchemaPrivileges() {
    }

    /** The privileges of one table or view of the schema, as a GRANT list; empty for none. */
    static String privilegesOf(String table, boolean view) {
        if (view) {
            return "SELECT";
        }
        if (APPEND_ONLY.contains(table)) {
            return "SELECT, INSERT";
        }
        if (TRIGGER_MAINTAINED.contains(table)) {
            return "SELECT";
        }
        return MIGRATION_HISTORY.equalsIgnoreCase(table) ? "" : DML;
    }

    /**
     * Gives {@code 'user'@'host'} exactly the runtime privileges on the connection's schema, and
     * returns the statements run (for the log). The connection is the migration account's, which
     * holds these privileges WITH GRANT OPTION.
     */
    public static List<String> grantRuntime(Connection c, String user, String host) throws SQLException {
        String account = quote(user) + "@" + quote(host);
        String schema = one(c, "SELECT DATABASE()");
        List<String> done = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, Boolean> table : tables(c).entrySet()) {
                String wanted = privilegesOf(table.getKey(), table.getValue());
                String object = identifier(schema) + "." + identifier(table.getKey());
                if (!wanted.isEmpty()) {
                    run(s, done, "GRANT " + wanted + " ON " + object + " TO " + account);
                    List<String> unwanted = TABLE_PRIVILEGES.stream()
                            .filter(p -> !List.of(wanted.split(", ")).contains(p)).sorted().toList();
                    run(s, done, "REVOKE " + String.join(", ", unwanted) + " ON " + object + " FROM " + account);
                } else {
                    ignoringNoGrant(s, done, "REVOKE ALL PRIVILEGES ON " + object + " FROM " + account);
                }
            }
            for (String procedure : routines(c)) {
                if (PROCEDURES.contains(procedure)) {
                    run(s, done, "GRANT EXECUTE ON PROCEDURE " + identifier(schema) + "." + identifier(procedure) + " TO " + account);
                }
            }
            ignoringNoGrant(s, done, "REVOKE ALL PRIVILEGES ON " + identifier(schema) + ".* FROM " + account);
            ignoringNoGrant(s, done, "REVOKE GRANT OPTION ON " + identifier(schema) + ".* FROM " + account);
        }
        return done;
    }

    /**
     * Triggers, routines and views of the schema whose definer is {@code user}. They run with their
     * definer's rights: once that account is reduced to the runtime privileges, they would fail
     * (a trigger's definer needs the TRIGGER privilege), so the grants must not be applied then.
     */
    public static List<String> definedBy(Connection c, String user) throws SQLException {
        List<String> found = new ArrayList<>();
        String prefix = user + "@";
        String[][] sources = {
                {"trigger", "SELECT TRIGGER_NAME, DEFINER FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"},
                {"routine", "SELECT ROUTINE_NAME, DEFINER FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"},
                {"view", "SELECT TABLE_NAME, DEFINER FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()"}};
        for (String[] source : sources) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(source[1])) {
                while (rs.next()) {
                    if (rs.getString(2).startsWith(prefix)) {
                        found.add(source[0] + " " + rs.getString(1));
                    }
                }
            }
        }
        return found;
    }

    /**
     * The grants of the connection's own account that go beyond the runtime privileges (structure,
     * triggers, routines, grant option, administration), as SHOW GRANTS prints them, without any
     * password hash: a runtime account given such rights by hand, on the schema or globally, which
     * {@link #grantRuntime} cannot take back.
     */
    public static List<String> excessOfCurrentAccount(Connection c) throws SQLException {
        List<String> excess = new ArrayList<>();
        // globally, or on this schema (MariaDB also lists grants to PUBLIC, e.g. on the `test` databases)
        String scope = "(?is).*\\sON\\s+(\\*\\.\\*|" + Pattern.quote(identifier(one(c, "SELECT DATABASE()"))) + "\\.).*";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                String grant = rs.getString(1).replaceAll("(?i)\\s+IDENTIFIED\\s+(BY|VIA|WITH)\\s.*$", "");
                if (grant.matches(scope) && BEYOND_RUNTIME.matcher(grant).find()) {
                    excess.add(grant);
                }
            }
        }
        return excess;
    }

    private static final Pattern BEYOND_RUNTIME = Pattern.compile("(?i)\\b(ALL PRIVILEGES|CREATE|DROP|ALTER|TRIGGER|INDEX|"
            + "GRANT OPTION|SUPER|FILE|RELOAD|SHUTDOWN|PROCESS|EVENT|LOCK TABLES|REFERENCES)\\b");

    private static Map<String, Boolean> tables(Connection c) throws SQLException {
        Map<String, Boolean> tables = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME, TABLE_TYPE = 'VIEW' "
                + "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.put(rs.getString(1), rs.getBoolean(2));
            }
        }
        return tables;
    }

    private static List<String> routines(Connection c) throws SQLException {
        List<String> routines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ROUTINE_NAME FROM information_schema.ROUTINES "
                + "WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_TYPE = 'PROCEDURE' ORDER BY ROUTINE_NAME");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                routines.add(rs.getString(1));
            }
        }
        return routines;
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            String value = rs.getString(1);
            if (value == null) {
                throw new SQLException("the migration connection has no current schema");
            }
            return value;
        }
    }

    private static void run(Statement s, List<String> done, String sql) throws SQLException {
        s.execute(sql);
        done.add(sql);
    }

    /** A REVOKE of something never granted is an error in MariaDB (1141): nothing to do then. */
    private static void ignoringNoGrant(Statement s, List<String> done, String sql) throws SQLException {
        try {
            run(s, done, sql);
        } catch (SQLException e) {
            if (e.getErrorCode() != NO_SUCH_GRANT && e.getErrorCode() != 1147) {
                throw e;
            }
        }
    }

    /** An account's user or host part; GRANT takes no bind parameter, so anything unusual is refused. */
    static String quote(String part) {
        if (part == null || !ACCOUNT_PART.matcher(part).matches()) {
            throw new IllegalArgumentException("database account name or host refused (letters, digits, _ . % : - only): "
                    + part);
        }
        return "'" + part + "'";
    }

    private static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
