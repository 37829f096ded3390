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
 * ALLOCATAIRE receives the RSA (prime d'activité: no file), INCONNU has no file anywhere, PANNE
 * meets a 502 from the provider, LENTEUR gets a body that trickles in longer than the client's
 * time-out, SANSFIN an endless body, ENORME a body announced at 100 MB, INATTENDU the documented
 * 404 « Erreur inattendue » (35003), JETON a refused token (401), ECHO a 422 whose title and
 * detail repeat the identity, TARDIF an RSA answer held back until the test {@link #release}s it;
 * it checks the bearer token and the {@code recipient}. Tests can cut it (every connection dropped
 * without an answer, as in an outage in the middle of an interview). Inactive in unit tests.
 */
public class TestCafStub implements LauncherSessionListener {

    static final String TOKEN = "jeton-api-particulier-de-test";
    private static final String NO_FILE = """
            {"errors":[{"code":"37003","title":"Dossier allocataire absent","detail":"Le dossier allocataire n'a pas été trouvé.","source":null,"meta":{}}]}""";
    private static final String PROVIDER_DOWN = """
            {"errors":[{"code":"37999","title":"Erreur inconnue du fournisseur de données","detail":"Le fournisseur ne répond pas.","source":null,"meta":{}}]}""";
    private static final String UNEXPECTED = """
            {"errors":[{"code":"35003","title":"Erreur inattendue","detail":"Une erreur inattendue est survenue lors de l'appel au fournisseur.","source":null,"meta":{}}]}""";
    private static final String ECHO = """
            {"errors":[{"code":"00201","title":"Identité ECHO YVES née le 1980-09-20 à 08480 non valide","detail":"ECHO YVES 1980-09-20 08480","source":{"parameter":"nomNaissance"},"meta":{}}]}""";
    /** TARDIF's answers wait for this (at most 2.5 s, under the 3-second client time-out of the tests). */
    private static volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
    private static final String RSA = """
            {"data":{"est_beneficiaire":true,"avec_majoration":false,"date_debut_droit":"2021-03-01"},"links":{},"meta":{}}""";

    private static HttpServer server;
    /** A cut: every request is dropped without an answer, as when the network or the service goes down. */
    private static volatile boolean cut;
    private static int port;
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    /** The same requests counted by birth name and first first name: a test that gives its own first name counts only its own. */
    private static final Map<String, AtomicInteger> CALLS_BY_IDENTITY = new ConcurrentHashMap<>();

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

    /**
     * How many requests the stub received for this birth name and first first name (every
     * endpoint): with a first name of its own ({@link CafSteps#ownFirstName()}), a test counts its
     * requests alone, whatever ran before it or left requests behind.
     */
    static int calls(String nomNaissance, String prenom) {
        return CALLS_BY_IDENTITY.getOrDefault(identity(nomNaissance, prenom), new AtomicInteger()).get();
    }

    private static String identity(String nomNaissance, String prenom) {
        return nomNaissance + "|" + prenom;
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
        CALLS_BY_IDENTITY.computeIfAbsent(identity(nom, params.getOrDefault("prenoms[]", "")), n -> new AtomicInteger()).incrementAndGet();
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
            case "LENTEUR" -> stream(exchange, 0, 1, 200, 60_000); // a byte every 200 ms for a minute
            case "SANSFIN" -> stream(exchange, 0, 64 * 1024, 0, Long.MAX_VALUE);
            case "ENORME" -> stream(exchange, 100_000_000, 64 * 1024, 0, 100_000_000);
            case "INATTENDU" -> send(exchange, 404, UNEXPECTED);
            case "JETON" -> send(exchange, 401, "{\"errors\":[{\"code\":\"00101\",\"title\":\"Interdit\",\"detail\":\"jeton\",\"source\":null,\"meta\":{}}]}");
            case "ECHO" -> send(exchange, 422, ECHO);
            case "TARDIF" -> {
                try {
                    gate.await(2500, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, path.contains("revenu_solidarite_active") ? 200 : 404, path.contains("revenu_solidarite_active") ? RSA : NO_FILE);
            }
            default -> send(exchange, 404, NO_FILE);
        }
    }

    /** Lets TARDIF's answers go, and holds the next ones again. */
    static void release() {
        java.util.concurrent.CountDownLatch open = gate;
        gate = new java.util.concurrent.CountDownLatch(1);
        open.countDown();
    }

    /**
     * A 200 whose body is {@code total} bytes of JSON-looking text in {@code chunk}-byte writes,
     * {@code pauseMs} apart; {@code announced} as Content-Length (0: chunked). Ends when the client
     * hangs up.
     */
    private static void stream(HttpExchange exchange, long announced, int chunk, long pauseMs, long total) {
        byte[] bytes = new byte[chunk];
        java.util.Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '{';
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, announced);
            for (long sent = 0; sent < total; sent += chunk) {
                out.write(bytes, 0, (int) Math.min(chunk, total - sent));
                out.flush();
                bytes[0] = ' ';
                if (pauseMs > 0) {
                    Thread.sleep(pauseMs);
                }
            }
        } catch (IOException e) {
            // the client hung up: what it should do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
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
