package fr.repere.web.platform;

import org.mariadb.jdbc.MariaDbDataSource;

import java.sql.SQLException;
import java.util.Map;

/**
 * MariaDB Connector/J's data source with the options the write path is measured with, whatever
 * URL the installation gives (DB_URL): server-side prepared statements, so that a JDBC batch of
 * inserts goes to MariaDB as one bulk command (COM_STMT_BULK_EXECUTE) instead of one statement per
 * row. That matters twice for a diagnostic: thirty answers, its levels and reasons travel at once,
 * and the statistics triggers of those tables are set up once per table instead of once per row
 * (docs/performance.md). An option the URL already sets is left as the installation set it.
 */
public class RepereMariaDbDataSource extends MariaDbDataSource {

    /** Connector/J options added when absent from the URL. */
    static final Map<String, String> WRITE_PATH_OPTIONS = Map.of(
            "useServerPrepStmts", "true",
            "useBulkStmtsForInserts", "true");

    @Override
    public void setUrl(String url) throws SQLException {
        super.setUrl(withOptions(url));
    }

    static String withOptions(String url) {
        StringBuilder out = new StringBuilder(url);
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        for (Map.Entry<String, String> option : new java.util.TreeMap<>(WRITE_PATH_OPTIONS).entrySet()) {
            boolean present = java.util.Arrays.stream(query.split("&"))
                    .anyMatch(p -> p.split("=", 2)[0].equalsIgnoreCase(option.getKey()));
            if (!present) {
                out.append(out.indexOf("?") < 0 ? '?' : '&').append(option.getKey()).append('=').append(option.getValue());
            }
        }
        return out.toString();
    }
}
