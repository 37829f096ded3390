package fr.repere.caf.apiparticulier;

import fr.repere.caf.CivilStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * HTTP client of the two "identité" endpoints of API Particulier v3 the orientation rules read
 * (RSA, prime d'activité), on {@link java.net.http.HttpClient}. The quotient familial endpoint is
 * not called: no rule reads it.
 *
 * <p>Every call carries {@code Authorization: Bearer <jeton>} and the mandatory {@code recipient}
 * (SIRET of the body receiving the data), takes a permit from a token bucket of
 * {@value #REQUESTS_PER_SECOND} requests per second and per instance (API Particulier allows 20
 * requests/s per token) and has one overall deadline, {@code timeout}, covering the connection, the
 * headers and the whole body: a body still arriving at the deadline is cut. A body is never kept
 * beyond 1 MiB ({@code BoundedBody}). No retry here: fault tolerance is around
 * {@link ApiParticulierCafData}.
 *
 * <p>Redirects are not followed (the bearer token must not travel elsewhere). Plain {@code http}
 * is only accepted towards a loopback address (local stub).
 */
public final class ApiParticulierClient {

    static final String REVENU_SOLIDARITE_ACTIVE = "/v3/dss/revenu_solidarite_active/identite";
    static final String PRIME_ACTIVITE = "/v3/dss/prime_activite/identite";
    static final int REQUESTS_PER_SECOND = 20;

    private static final Pattern SIRET = Pattern.compile("\\d{14}");
    /** RFC 6750 b64token: a JWT fits, whitespace and header-breaking characters do not. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final String LA_POSTE_SIREN = "356000000";

    private final URI baseUri;
    private final String bearerToken;
    private final String recipientSiret;
    private final Duration timeout;
    private final HttpClient http;
    private final TokenBucket rateLimit;
    private final TokenBucket.Sleeper sleeper;
    private final long maxBodyBytes;

    /**
     * @param baseUri        e.g. {@code https://particulier.api.gouv.fr} or {@code https://staging.particulier.api.gouv.fr}
     * @param bearerToken    the JWT delivered after the DataPass habilitation
     * @param recipientSiret SIRET (14 digits) of the administration receiving the data
     * @param timeout        overall deadline of one call
     */
    public ApiParticulierClient(URI baseUri, String bearerToken, String recipientSiret, Duration timeout) {
        this(baseUri, bearerToken, recipientSiret, timeout,
                new TokenBucket(REQUESTS_PER_SECOND, REQUESTS_PER_SECOND, System::nanoTime), TokenBucket.Sleeper.REAL);
    }

    ApiParticulierClient(URI baseUri, String bearerToken, String recipientSiret, Duration timeout,
                         TokenBucket rateLimit, TokenBucket.Sleeper sleeper) {
        this(baseUri, bearerToken, recipientSiret, timeout, rateLimit, sleeper, BoundedBody.MAX_BYTES);
    }

    /** @param maxBodyBytes largest body read (tests use a small one) */
    ApiParticulierClient(URI baseUri, String bearerToken, String recipientSiret, Duration timeout,
                         TokenBucket rateLimit, TokenBucket.Sleeper sleeper, long maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
        this.baseUri = checkedBaseUri(baseUri);
        if (bearerToken == null || !BEARER_TOKEN.matcher(bearerToken).matches()) {
            throw new IllegalArgumentException("bearerToken: missing or not a bearer token");
        }
        this.bearerToken = bearerToken;
        if (!isValidSiret(recipientSiret)) {
            throw new IllegalArgumentException("recipientSiret: not a valid SIRET (14 digits, Luhn key)");
        }
        this.recipientSiret = recipientSiret;
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.timeout = timeout;
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * SIRET: 14 digits with a Luhn key; La Poste's establishments (SIREN 356000000), which are
     * numbered beyond what Luhn allows, only need the sum of their digits to be a multiple of 5.
     */
    static boolean isValidSiret(String siret) {
        if (siret == null || !SIRET.matcher(siret).matches()) {
            return false;
        }
        if (siret.startsWith(LA_POSTE_SIREN) && siret.chars().map(c -> c - '0').sum() % 5 == 0) {
            return true;
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int digit = siret.charAt(13 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    Duration timeout() {
        return timeout;
    }

    /** {@code GET /v3/dss/revenu_solidarite_active/identite}. */
    Reply revenuSolidariteActive(CivilStatus person) throws IOException, InterruptedException, LocalRateLimitException {
        return get(REVENU_SOLIDARITE_ACTIVE, identityQuery(person).toString());
    }

    /** {@code GET /v3/dss/prime_activite/identite}. */
    Reply primeActivite(CivilStatus person) throws IOException, InterruptedException, LocalRateLimitException {
        return get(PRIME_ACTIVITE, identityQuery(person).toString());
    }

    private StringJoiner identityQuery(CivilStatus person) {
        Objects.requireNonNull(person, "person");
        StringJoiner query = new StringJoiner("&");
        add(query, "recipient", recipientSiret);
        add(query, "nomNaissance", person.nomNaissance());
        if (person.nomUsage() != null) {
            add(query, "nomUsage", person.nomUsage());
        }
        for (String prenom : person.prenoms()) {
            add(query, "prenoms[]", prenom);
        }
        CivilStatus.BirthDate birth = person.birthDate();
        if (birth != null) {
            add(query, "anneeDateNaissance", Integer.toString(birth.year()));
            if (birth.month() != null) {
                add(query, "moisDateNaissance", birth.month().toString());
                if (birth.day() != null) {
                    add(query, "jourDateNaissance", birth.day().toString());
                }
            }
        }
        add(query, "sexeEtatCivil", person.sexe().name());
        add(query, "codeCogInseePaysNaissance", person.codeCogInseePaysNaissance());
        if (person.codeCogInseeCommuneNaissance() != null) {
            add(query, "codeCogInseeCommuneNaissance", person.codeCogInseeCommuneNaissance());
        }
        return query;
    }

    /** RFC 3986 query encoding: {@code prenoms[]} becomes {@code prenoms%5B%5D}, a space {@code %20}. */
    private static void add(StringJoiner query, String name, String value) {
        query.add(encode(name) + "=" + encode(value));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * One GET within {@code timeout}, headers and body included.
     *
     * @throws BoundedBody.TooLargeException the body passed {@code maxBodyBytes} (or announced it would)
     * @throws HttpTimeoutException          no complete answer within the deadline (the reading is cut)
     * @throws IOException                   no answer (connection refused or lost…)
     */
    private Reply get(String path, String query) throws IOException, InterruptedException, LocalRateLimitException {
        TokenBucket.Reservation permit = rateLimit.reserve(timeout);
        if (!permit.granted()) {
            throw new LocalRateLimitException(permit.delay());
        }
        sleeper.sleep(permit.delay());
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + path + "?" + query))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        BoundedBody body = new BoundedBody(maxBodyBytes);
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request, body);
        try {
            HttpResponse<String> response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (TimeoutException e) {
            body.abort();
            pending.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            body.abort();
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            body.abort();
            throw failure(e.getCause());
        }
    }

    /** The most telling exception of a failed exchange: a refused body first, then the I/O error. */
    private static IOException failure(Throwable cause) {
        IOException io = null;
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BoundedBody.TooLargeException tooLarge) {
                return tooLarge;
            }
            if (io == null && t instanceof IOException found) {
                io = found;
            }
        }
        if (io != null) {
            return io;
        }
        return new IOException("HTTP call failed: " + (cause == null ? "?" : cause.getClass().getSimpleName()), cause);
    }

    private static URI checkedBaseUri(URI uri) {
        Objects.requireNonNull(uri, "baseUri");
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUri: absolute http(s) URI without query nor fragment expected");
        }
        String scheme = uri.getScheme().toLowerCase();
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase());
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException("baseUri: https required (plain http only towards a loopback stub)");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /**
     * When the API asks to wait: {@code Retry-After}, else {@code RateLimit-Reset}. {@code null}
     * when neither is usable. {@code now} is the moment the reply arrived.
     */
    static Duration retryAfter(HttpHeaders headers, Instant now) {
        Duration asked = retryAfterHeader(headers, now);
        return asked != null ? asked : rateLimitReset(headers, now);
    }

    /** {@code Retry-After} in seconds or as an HTTP date, counted from {@code now}; {@code null} if absent or unusable. */
    static Duration retryAfterHeader(HttpHeaders headers, Instant now) {
        String retryAfter = headers.firstValue("Retry-After").map(String::strip).orElse("");
        if (retryAfter.isEmpty()) {
            return null;
        }
        if (retryAfter.chars().allMatch(Character::isDigit)) {
            return seconds(retryAfter);
        }
        try {
            Instant at = ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code RateLimit-Reset}, documented by API Particulier as the end of the current window (a Unix
     * timestamp, sent with every answer); small values are read as seconds. {@code null} if absent or unusable.
     */
    static Duration rateLimitReset(HttpHeaders headers, Instant now) {
        String reset = headers.firstValue("RateLimit-Reset").map(String::strip).orElse("");
        if (reset.isEmpty() || !reset.chars().allMatch(Character::isDigit)) {
            return null;
        }
        Duration value = seconds(reset);
        if (value == null || value.getSeconds() < 1_000_000_000L) {
            return value;
        }
        Instant at = Instant.ofEpochSecond(value.getSeconds());
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    }

    private static Duration seconds(String digits) {
        try {
            return Duration.ofSeconds(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "ApiParticulierClient[" + baseUri + ", recipient " + recipientSiret + ", timeout " + timeout + "]";
    }

    /** Raw answer of one call; never leaves the package. */
    record Reply(int status, String body, HttpHeaders headers) {
    }

    /** This instance already used its {@value #REQUESTS_PER_SECOND} requests/s. */
    static final class LocalRateLimitException extends Exception {
        private final Duration retryAfter;

        LocalRateLimitException(Duration retryAfter) {
            super("client-side rate limit reached", null, false, false);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
