package fr.repere.web.platform;

import org.mariadb.jdbc.MariaDbDataSource;

import java.sql.SQLException;
import java.util.Map;

/**
 * MariaDB Connector/J's data source with the option the write path is measured with, whatever URL
 * the installation gives (DB_URL): server-side prepared statements. A diagnostic's rows are the
 * same few INSERTs repeated (thirty answers, four levels, reasons, actions); prepared once per
 * connection, MariaDB no longer parses each row's statement and sets up its table's statistics
 * trigger from scratch: the answers' share of a diagnostic's database time went from ~8.7 ms to
 * ~3 ms (docs/performance.md). EclipseLink's batch writing sends each table's rows as one pipeline,
 * in one round trip. An option the URL already sets is left as the installation set it.
 */
public class RepereMariaDbDataSource extends MariaDbDataSource {

    /** Connector/J options added when absent from the URL. */
    static final Map<String, String> WRITE_PATH_OPTIONS = Map.of("useServerPrepStmts", "true");

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
