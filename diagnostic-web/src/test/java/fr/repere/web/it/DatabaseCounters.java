package fr.repere.web.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a request costs the database server itself, from MariaDB's global counters read before and
 * after it: commits, rows written, redo-log flushes. The counters are the whole server's, so
 * anything running meanwhile (a scheduled job, another class's request) can only add to them:
 * {@link #cheapest} repeats a request and keeps, counter by counter, the smallest difference — the
 * request's own cost as soon as one repetition ran alone.
 */
final class DatabaseCounters {

    static final List<String> COUNTED = List.of("Com_commit", "Com_xa_commit", "Com_rollback", "Handler_write",
            "Handler_update", "Handler_delete", "Innodb_data_fsyncs", "Questions");

    private DatabaseCounters() {
    }

    /** Per counter, the smallest difference over {@code times} runs of the request (which must succeed). */
    static Map<String, Long> cheapest(int times, Supplier<?> request) {
        Map<String, Long> least = new HashMap<>();
        try (Connection c = TestDatabase.server().administrator()) {
            for (int i = 0; i < times; i++) {
                Map<String, Long> before = read(c);
                request.get();
                Map<String, Long> after = read(c);
                // the administrator's second SHOW STATUS is a question too: not the request's
                COUNTED.forEach(k -> least.merge(k, after.get(k) - before.get(k) - (k.equals("Questions") ? 1 : 0), Math::min));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read MariaDB's counters", e);
        }
        return least;
    }

    private static Map<String, Long> read(Connection c) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW GLOBAL STATUS")) {
            while (r.next()) {
                if (COUNTED.contains(r.getString(1))) {
                    values.put(r.getString(1), Long.parseLong(r.getString(2)));
                }
            }
        }
        COUNTED.forEach(k -> {
            if (!values.containsKey(k)) {
                throw new IllegalStateException("MariaDB has no counter " + k);
            }
        });
        return values;
    }
}
