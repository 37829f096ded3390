package fr.repere.web.platform;

import org.mariadb.jdbc.MariaDbDataSource;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.logging.Logger;

/**
 * MariaDB Connector/J's data source as Repère uses it, whatever URL the installation gives (DB_URL).
 *
 * <p><b>Local transactions, not XA.</b> Connector/J's own {@code MariaDbDataSource} is also an
 * {@code XADataSource}, so Payara wrapped every transaction in {@code XA START}, {@code XA END} and
 * {@code XA COMMIT … ONE PHASE}: two more round trips per transaction for a two-phase commit Repère
 * never needs (one database, no other transactional resource). This class offers the pooled and
 * plain connections only, so Payara runs ordinary local transactions under JTA.
 *
 * <p><b>Server-side prepared statements.</b> A diagnostic's rows are the same few INSERTs repeated
 * (thirty answers, four levels, reasons, actions); prepared once per connection, MariaDB no longer
 * parses each row's statement and sets up its table's statistics trigger from scratch: the
 * answers' share of a diagnostic's database time went from ~8.7 ms to ~3 ms (docs/performance.md).
 * EclipseLink's batch writing sends each table's rows as one pipeline, in one round trip. An option
 * the URL already sets is left as the installation set it.
 */
public class RepereMariaDbDataSource implements DataSource, ConnectionPoolDataSource {

    /** Connector/J options added when absent from the URL. */
    static final Map<String, String> WRITE_PATH_OPTIONS = Map.of("useServerPrepStmts", "true");

    private final MariaDbDataSource driver = new MariaDbDataSource();

    /** Whether the tests' statement budgets are on (read once, on the first connection). */
    private static volatile Boolean roundTripsCounted;

    public void setUrl(String url) throws SQLException {
        driver.setUrl(withOptions(url));
    }

    public String getUrl() {
        return driver.getUrl();
    }

    public void setUser(String user) throws SQLException {
        driver.setUser(user);
    }

    public String getUser() {
        return driver.getUser();
    }

    public void setPassword(String password) throws SQLException {
        driver.setPassword(password);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return driver.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return driver.getConnection(user, password);
    }

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        return counted(driver.getPooledConnection());
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        return counted(driver.getPooledConnection(user, password));
    }

    /** Tests only: connections that count their round trips ({@link RoundTrips}). */
    private static PooledConnection counted(PooledConnection pooled) {
        Boolean counting = roundTripsCounted;
        if (counting == null) {
            counting = StatementCounting.enabled();
            roundTripsCounted = counting;
        }
        return counting ? RoundTrips.counting(pooled) : pooled;
    }

    @Override
    public PrintWriter getLogWriter() {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
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
