package fr.repere.web.dev;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The README's run command: an embedded MariaDB (data in .repere/, kept across restarts) unless
 * DB_URL points at an external one, Payara Micro with the WAR on port 8080, the demo data set and,
 * with the embedded database, a demonstration host system on http://127.0.0.1:8081/demo/hote
 * ({@link DemoHost}). Ctrl-C stops Payara Micro, then MariaDB.
 */
public final class RepereDevServer {

    private RepereDevServer() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("repere.home", ".repere")).toAbsolutePath();
        Path web = Path.of(System.getProperty("repere.web", "diagnostic-web")).toAbsolutePath();
        int httpPort = Integer.parseInt(env("REPERE_PORT", "8080"));
        Files.createDirectories(home.resolve("tmp"));
        // Payara's root folder is a cache: a stale copy would deploy the previous WAR beside the new one
        Folders.deleteRecursively(home.resolve("payara"));

        EmbeddedMariaDb db = null;
        String url = System.getenv("DB_URL");
        Map<String, String> environment = new HashMap<>();
        String user;
        String password;
        EmbeddedMariaDb.Accounts accounts = null;
        if (url == null) {
            // two accounts, as in production: 'repere' (the only account of earlier versions, the
            // owner of every trigger and procedure in an existing .repere/) migrates, 'repere_app' runs
            accounts = new EmbeddedMariaDb.Accounts(env("DB_MIGRATION_USER", "repere"), env("DB_MIGRATION_PASSWORD", "repere"),
                    env("DB_USER", "repere_app"), env("DB_PASSWORD", "repere-app"));
            user = accounts.runtimeUser();
            password = accounts.runtimePassword();
            int dbPort = Integer.parseInt(env("REPERE_DB_PORT", "3307"));
            say("Démarrage de MariaDB embarqué (port " + dbPort + ", données dans " + home.resolve("mariadb/data") + ")");
            db = EmbeddedMariaDb.start(home.resolve("mariadb"), dbPort, accounts);
            url = db.jdbcUrl();
            DemoAccounts.ensure(url, accounts);
            environment.put("DB_MIGRATION_USER", accounts.migrationUser());
            environment.put("DB_MIGRATION_PASSWORD", accounts.migrationPassword());
            environment.put("DB_USER_HOST", EmbeddedMariaDb.HOSTS);
        } else {
            // DB_MIGRATION_USER, DB_MIGRATION_PASSWORD, DB_USER_HOST, REPERE_PSEUDONYM_SECRET… reach
            // Payara Micro through the inherited environment
            user = env("DB_USER", "repere");
            password = env("DB_PASSWORD", "repere");
            say("Base MariaDB externe : " + url);
        }

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.io.tmpdir=" + home.resolve("tmp"),
                "-jar", web.resolve("target/payara-micro.jar").toString(),
                "--deploy", web.resolve("target/repere.war").toString(),
                "--port", String.valueOf(httpPort),
                "--nocluster",
                // listener settings, before the listener starts (no Server header): as in production
                "--prebootcommandfile", web.resolve("target/boot-commands.asadmin").toString(),
                "--rootdir", home.resolve("payara").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putAll(Map.of("DB_URL", url, "DB_USER", user, "DB_PASSWORD", password));
        pb.environment().putAll(environment);
        if (db != null) {
            pb.environment().put("REPERE_DEMO_ACCOUNTS", "true"); // only with the embedded, throw-away database
            // webhooks to a receiver on http://127.0.0.1 (a demonstration host), never in production
            pb.environment().putIfAbsent("REPERE_WEBHOOK_ALLOW_HTTP_LOOPBACK", "true");
        }
        // the address the browser uses, so that Location headers keep the session cookie's host
        pb.environment().putIfAbsent("REPERE_PUBLIC_BASE_URL", "http://localhost:" + httpPort);
        Process payara = pb.start();

        EmbeddedMariaDb embedded = db;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara, embedded)));
        URI publicBase = URI.create(pb.environment().get("REPERE_PUBLIC_BASE_URL"));

        URI root = URI.create("http://localhost:" + httpPort);
        if (awaitReady(root.resolve("/health/ready"), payara)) {
            if (db == null) {
                say("Base externe : ni comptes ni données de démonstration.");
            } else {
                if (hasDemoData(url, user, password)) {
                    say("Données de démonstration déjà présentes.");
                } else {
                    loadDemoData(root);
                }
                if (hasDemoPlaces(url, user, password)) {
                    say("Annuaire de démonstration déjà présent.");
                } else {
                    loadDemoPlaces(root);
                }
                if (hasDemoStatistics(url, user, password)) {
                    say("Statistiques de démonstration déjà présentes.");
                } else {
                    loadDemoStatistics(url, accounts.migrationUser(), accounts.migrationPassword()); // it rebuilds the statistics
                }
            }
            if (db != null) {
                startDemoHost(home, publicBase);
            }
            say("Repère est prêt : " + root + "  (état : " + root.resolve("/health/ready") + ", API : "
                    + root.resolve("/openapi") + "). Ctrl-C pour arrêter.");
            if (demoHost != null) {
                say("Démonstration d'un logiciel métier : " + demoHost.page());
            }
        }
        int exit = payara.waitFor();
        stopDemoHost();
        if (exit != 0 && exit != 143 && exit != 130) {
            say("Payara Micro s'est arrêté (code " + exit + ")");
        }
    }

    /** The demonstration host system, once started (embedded database only: it uses the demo accounts). */
    private static volatile DemoHost demoHost;

    /**
     * Starts the demonstration host system on http://127.0.0.1:REPERE_DEMO_HOST_PORT (8081 by
     * default), another site than Repère's http://localhost: it registers itself and its webhook as
     * the demo administrator (once; its key and the webhook's secret stay in .repere/) and launches
     * Repère for the demo worker. Repère runs on without it when it cannot start.
     */
    private static void startDemoHost(Path home, URI repere) {
        int port = Integer.parseInt(env("REPERE_DEMO_HOST_PORT", "8081"));
        try {
            demoHost = DemoHost.start(new DemoHost.Settings(repere, port, "127.0.0.1", home.resolve("demo-host-key.json"),
                    home.resolve("demo-host-webhook.json"), DemoAccounts.ACCOUNTS[3][1], DemoAccounts.PASSWORD,
                    List.of(DemoAccounts.TEAM), DemoAccounts.ACCOUNTS[0][1], DemoAccounts.ACCOUNTS[0][0], "DEMO-HOTE-001"),
                    RepereDevServer::say);
        } catch (IOException | RuntimeException e) {
            say("Logiciel métier de démonstration non démarré (port " + port + ", REPERE_DEMO_HOST_PORT) : " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stopDemoHost() {
        DemoHost host = demoHost;
        demoHost = null;
        if (host != null) {
            host.close();
        }
    }

    private static boolean awaitReady(URI ready, Process payara) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 240 && payara.isAlive(); i++) {
            try {
                if (client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // Payara is still booting
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Whether the fictitious DEMO- dossiers are already in the database (data survives restarts). */
    private static boolean hasDemoData(String url, String user, String password) {
        return any(url, user, password, "SELECT COUNT(*) FROM diagnostic WHERE case_ref LIKE 'DEMO-%'");
    }

    /** Whether the fictitious places of the demo directory are already in the demo organisation's directory. */
    private static boolean hasDemoPlaces(String url, String user, String password) {
        return any(url, user, password, "SELECT COUNT(*) FROM place WHERE organisation_id = '" + DemoAccounts.ORGANISATION
                + "' AND id LIKE 'demo-fictif-%'");
    }

    /** Whether the generated diagnostics of the demo organisation are already in the database. */
    private static boolean hasDemoStatistics(String url, String user, String password) {
        return any(url, user, password, "SELECT COUNT(*) FROM team WHERE organisation_id = '" + DemoAccounts.ORGANISATION
                + "' AND id LIKE '%-gen-%'");
    }

    /** Whether the count is above zero; false when the database cannot say. */
    private static boolean any(String url, String user, String password, String count) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password);
             java.sql.ResultSet rs = c.createStatement().executeQuery(count)) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /**
     * Gives the demo analyst something to look at: {@value #DEMO_STATISTICS} fictitious diagnostics
     * over the Nord's communes since last January a year ago, in generated teams of the demo
     * organisation (the demo worker's team and dossiers are untouched). Once: they stay in .repere/.
     */
    private static void loadDemoStatistics(String url, String user, String password) {
        say("Statistiques de démonstration : " + DEMO_STATISTICS + " diagnostics fictifs dans le Nord (une seule fois, environ une minute)…");
        int year = java.time.LocalDate.now().getYear();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user, password)) {
            new StatisticsGenerator(20261124, DemoAccounts.ORGANISATION, DemoAccounts.ORGANISATION_NAME)
                    .generate(c, fr.repere.territory.Geography.shipped(), "59", DEMO_STATISTICS, year - 1, year);
            say("Statistiques de démonstration prêtes (compte chargé d'études : " + DemoAccounts.ACCOUNTS[2][1] + ").");
        } catch (java.sql.SQLException e) {
            say("Statistiques de démonstration non générées : " + e.getMessage());
        }
    }

    private static final int DEMO_STATISTICS = 30_000;

    /** Posts the demo diagnostics, through the API like a host system would. */
    private static void loadDemoData(URI root) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(root.resolve("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + DemoAccounts.ACCOUNTS[0][1]
                        + "\", \"password\": \"" + DemoAccounts.PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            say("Connexion du compte de démonstration impossible (" + login.statusCode() + ") : " + login.body());
            return;
        }
        String csrf;
        try (JsonReader r = Json.createReader(new java.io.StringReader(login.body()))) {
            csrf = r.readObject().getString("csrfToken");
        }
        URI diagnostics = root.resolve("/api/v1/diagnostics");
        try (InputStream in = RepereDevServer.class.getResourceAsStream("/demo/diagnostics.json");
             JsonReader reader = Json.createReader(in)) {
            for (JsonObject demo : reader.readArray().getValuesAs(JsonObject.class)) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(diagnostics)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", demo.getString("key"))
                        .header("X-CSRF-Token", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(demo.getJsonObject("body").toString()))
                        .timeout(Duration.ofSeconds(30))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    say("Donnée de démonstration refusée (" + r.statusCode() + ") : " + r.body());
                }
            }
        }
    }

    /**
     * Imports the fictitious directory of the demo (a few dozen places in the Nord, all marked
     * "fictif"), through the API as the demo administrator, and waits for the import to end.
     */
    private static void loadDemoPlaces(URI root) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(root.resolve("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + DemoAccounts.ACCOUNTS[3][1]
                        + "\", \"password\": \"" + DemoAccounts.PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            say("Connexion de l'administrateur de démonstration impossible (" + login.statusCode() + ")");
            return;
        }
        String csrf;
        try (JsonReader r = Json.createReader(new java.io.StringReader(login.body()))) {
            csrf = r.readObject().getString("csrfToken");
        }
        byte[] csv;
        try (InputStream in = RepereDevServer.class.getResourceAsStream("/demo/lieux-fictifs-nord.csv")) {
            csv = in.readAllBytes();
        }
        HttpResponse<String> started = client.send(HttpRequest.newBuilder(root.resolve("/api/v1/directory/imports"))
                .header("Content-Type", "text/csv").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            say("Annuaire de démonstration refusé (" + started.statusCode() + ") : " + started.body());
            return;
        }
        URI location = URI.create(started.headers().firstValue("Location").orElseThrow());
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> state = client.send(HttpRequest.newBuilder(location).build(), HttpResponse.BodyHandlers.ofString());
            try (JsonReader r = Json.createReader(new java.io.StringReader(state.body()))) {
                JsonObject o = r.readObject();
                if (state.statusCode() != 200) {
                    say("Suivi de l'import de l'annuaire de démonstration impossible (" + state.statusCode() + ")");
                    return;
                }
                if (o.getBoolean("finished", false)) {
                    // a finished import without problem has no message (absent fields are left out of the JSON)
                    say("Annuaire de démonstration (lieux fictifs du Nord) : " + o.getString("message", o.getString("status", "terminé")));
                    return;
                }
            }
            Thread.sleep(500);
        }
    }

    private static void stop(Process payara, EmbeddedMariaDb db) {
        say("Arrêt de Repère…");
        stopDemoHost();
        payara.destroy();
        try {
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (db != null) {
            db.stop();
        }
        say("Repère est arrêté.");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void say(String message) {
        System.out.println("[repere] " + message);
    }
}
