package fr.repere.web.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for API Particulier v3 for the whole integration-test run, on the port failsafe
 * reserved and gave Payara Micro as {@code REPERE_CAF_BASE_URL}. It answers by the birth name:
 * ALLOCATAIRE receives the RSA (quotient familial and prime d'activité: no file), INCONNU has no
 * file anywhere, PANNE meets a 502 from the provider, LENTEUR waits longer than the client's
 * 1-second time-out; it checks the bearer token and the {@code recipient}. Tests can cut it (every
 * connection dropped without an answer, as in an outage in the middle of an interview). Inactive
 * in unit tests.
 */
public class TestCafStub implements LauncherSessionListener {

    static final String TOKEN = "jeton-api-particulier-de-test";
    private static final String NO_FILE = """
            {"errors":[{"code":"37003","title":"Dossier allocataire absent","detail":"Le dossier allocataire n'a pas été trouvé.","source":null,"meta":{}}]}""";
    private static final String PROVIDER_DOWN = """
            {"errors":[{"code":"37999","title":"Erreur inconnue du fournisseur de données","detail":"Le fournisseur ne répond pas.","source":null,"meta":{}}]}""";
    private static final String RSA = """
            {"data":{"est_beneficiaire":true,"avec_majoration":false,"date_debut_droit":"2021-03-01"},"links":{},"meta":{}}""";

    private static HttpServer server;
    /** A cut: every request is dropped without an answer, as when the network or the service goes down. */
    private static volatile boolean cut;
    private static int port;
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String reserved = System.getProperty("repere.it.caf.port");
        if (reserved == null || server != null) {
            return;
        }
        port = Integer.parseInt(reserved);
        start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    static void cut(boolean down) {
        cut = down;
    }

    static synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v3/dss/", TestCafStub::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Forgets the requests counted so far: each test class counts its own (another may have used the same names). */
    static void forgetCalls() {
        CALLS.clear();
    }

    /** How many requests the stub received for this birth name (every endpoint). */
    static int calls(String nomNaissance) {
        return CALLS.getOrDefault(nomNaissance, new AtomicInteger()).get();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        Map<String, String> params = new ConcurrentHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        String nom = params.getOrDefault("nomNaissance", "");
        CALLS.computeIfAbsent(nom, n -> new AtomicInteger()).incrementAndGet();
        if (cut) {
            exchange.close(); // no status line: the client sees the connection end
            return;
        }
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization")) || !params.containsKey("recipient")) {
            send(exchange, 401, "{\"errors\":[{\"code\":\"00101\",\"title\":\"Interdit\",\"detail\":\"jeton\",\"source\":null,\"meta\":{}}]}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        switch (nom) {
            case "ALLOCATAIRE" -> send(exchange, path.contains("revenu_solidarite_active") ? 200 : 404, path.contains("revenu_solidarite_active") ? RSA : NO_FILE);
            case "PANNE" -> send(exchange, 502, PROVIDER_DOWN);
            case "LENTEUR" -> {
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 404, NO_FILE);
            }
            default -> send(exchange, 404, NO_FILE);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (time-out): nothing to answer to
        }
    }
}
