package fr.repere.caf.apiparticulier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for API Particulier v3 on 127.0.0.1 (random port), replaying the staging fixtures:
 * for the RSA and prime d'activité endpoints, a request whose parameters (other than
 * {@code recipient}) are exactly those of a fixture gets the fixture's status and payload; any
 * other gets a 404 "dossier absent" (code 37003, as the staging 404s); any other path a 404 with
 * code 00404. It checks the bearer token (401 otherwise) and the presence of {@code recipient}
 * (422 otherwise), as the OpenAPI description says, answers 429s with {@code Retry-After}, and
 * records every request. Tests can replace the answer of an endpoint ({@link #override}), including
 * with a body streamed in pieces, endless or slow ({@link Answer#streaming}); {@link #bytesStreamed}
 * tells how much of it left.
 */
final class ApiParticulierStub implements AutoCloseable {

    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZXBlcmUtdGVzdCJ9.c2lnbmF0dXJl";
    static final String RECIPIENT = "13002526500013";
    static final String NOT_FOUND_PAYLOAD = """
            {"errors":[{"code":"37003","title":"Dossier allocataire absent CNAV",\
            "detail":"Le dossier allocataire n'a pas été trouvé auprès de la CNAV.","source":null,"meta":{"provider":"CNAV"}}]}""";
    static final String INVALID_TOKEN_PAYLOAD = """
            {"errors":[{"code":"00101","title":"Interdit","detail":"Votre token n'est pas valide ou n'est pas renseigné",\
            "source":{"parameter":"token"},"meta":{}}]}""";
    static final String MISSING_RECIPIENT_PAYLOAD = """
            {"errors":[{"code":"00203","title":"Entité non traitable","detail":"Le paramètre recipient est obligatoire",\
            "source":{"parameter":"recipient"},"meta":{}}]}""";

    /** A request as received, parameters decoded. */
    record Recorded(String method, String path, String rawQuery, Map<String, List<String>> params,
                    Map<String, List<String>> headers) {
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    /**
     * A body sent in pieces: {@code prefix}, then filler bytes up to {@code total} bytes ({@code -1}:
     * forever), {@code chunk} bytes every {@code pace}, announced by {@code Content-Length} or chunked.
     */
    record Streamed(String prefix, long total, boolean withLength, int chunk, Duration pace) {
        Streamed {
            if (withLength && total < 0) {
                throw new IllegalArgumentException("an endless body has no length");
            }
        }
    }

    /** A canned answer replacing the fixtures of one endpoint; {@code streamed} replaces {@code body} when set. */
    record Answer(int status, String body, Map<String, String> headers, Duration delay, Streamed streamed) {
        static Answer of(int status, String body) {
            return new Answer(status, body, Map.of(), Duration.ZERO, null);
        }

        /** {@code total} bytes ({@code -1}: forever) starting with {@code prefix}, as fast as the client reads. */
        static Answer streaming(int status, String prefix, long total, boolean withLength) {
            return new Answer(status, "", Map.of(), Duration.ZERO,
                    new Streamed(prefix, total, withLength, 64 * 1024, Duration.ZERO));
        }

        Answer withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Answer(status, body, all, delay, streamed);
        }

        /** Headers after {@code wait}. */
        Answer after(Duration wait) {
            return new Answer(status, body, headers, wait, streamed);
        }

        /** A streamed body sent {@code chunk} bytes every {@code every}. */
        Answer paced(int chunk, Duration every) {
            return new Answer(status, body, headers, delay,
                    new Streamed(streamed.prefix(), streamed.total(), streamed.withLength(), chunk, every));
        }
    }

    static {
        // headers and body leave in two packets: without TCP_NODELAY, the client's delayed ACK
        // costs ~40 ms per request on a kept-alive connection (read once, before the first server)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> overrides = new ConcurrentHashMap<>();
    private final AtomicLong bytesStreamed = new AtomicLong();
    private volatile String retryAfter = "30";
    private volatile boolean closed;

    ApiParticulierStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    List<Recorded> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    void override(String path, Answer answer) {
        overrides.put(path, answer);
    }

    /** Bytes of streamed bodies written so far (what the client's socket accepted). */
    long bytesStreamed() {
        return bytesStreamed.get();
    }

    /** Value of {@code Retry-After} on replayed 429s ({@code null}: no header). */
    void retryAfter(String value) {
        retryAfter = value;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> params = parseQuery(rawQuery);
            requests.add(new Recorded(exchange.getRequestMethod(), path, rawQuery, params,
                    Map.copyOf(exchange.getRequestHeaders())));

            if (!Fixtures.ENDPOINT_DIRECTORIES.containsKey(path)) {
                send(exchange, Answer.of(404, "{\"errors\":[{\"code\":\"00404\",\"title\":\"Chemin inconnu\",\"detail\":\"\"}]}"));
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, Answer.of(405, ""));
                return;
            }
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, Answer.of(401, INVALID_TOKEN_PAYLOAD));
                return;
            }
            Answer override = overrides.get(path);
            if (override != null) {
                send(exchange, override);
                return;
            }
            if (!params.containsKey("recipient")) {
                send(exchange, Answer.of(422, MISSING_RECIPIENT_PAYLOAD));
                return;
            }
            Map<String, List<String>> identity = new LinkedHashMap<>(params);
            identity.remove("recipient");
            Optional<Fixtures.Fixture> fixture = Fixtures.matching(path, identity);
            if (fixture.isEmpty()) {
                send(exchange, Answer.of(404, NOT_FOUND_PAYLOAD));
                return;
            }
            Answer answer = Answer.of(fixture.get().status(), fixture.get().payload());
            String wait = retryAfter;
            if (answer.status() == 429 && wait != null) {
                answer = answer.withHeader("Retry-After", wait);
            }
            send(exchange, answer);
        }
    }

    private void send(HttpExchange exchange, Answer answer) throws IOException {
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (answer.streamed() != null) {
            stream(exchange, answer.status(), answer.streamed());
            return;
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Writes the body piece by piece until done, the client gone, or the stub closed. */
    private void stream(HttpExchange exchange, int status, Streamed streamed) throws IOException {
        byte[] prefix = streamed.prefix().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, streamed.withLength() ? streamed.total() : 0);
        byte[] filler = new byte[streamed.chunk()];
        java.util.Arrays.fill(filler, (byte) 'a');
        long left = streamed.total() < 0 ? Long.MAX_VALUE : streamed.total();
        OutputStream out = exchange.getResponseBody();
        try {
            int first = (int) Math.min(prefix.length, left);
            out.write(prefix, 0, first);
            out.flush();
            bytesStreamed.addAndGet(first);
            left -= first;
            while (left > 0 && !closed) {
                if (!streamed.pace().isZero()) {
                    Thread.sleep(streamed.pace().toMillis());
                }
                int n = (int) Math.min(filler.length, left);
                out.write(filler, 0, n);
                out.flush();
                bytesStreamed.addAndGet(n);
                left -= n;
            }
            out.close();
        } catch (IOException e) {
            // the client hung up: expected when it refuses the body
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code a=1&prenoms%5B%5D=X&prenoms%5B%5D=Y} into {a: [1], prenoms[]: [X, Y]}, in order. */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
