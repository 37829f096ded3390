package fr.repere.caf.apiparticulier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.caf.CivilStatus;
import fr.repere.caf.CivilStatus.BirthDate;
import fr.repere.caf.CivilStatus.Sexe;
import fr.repere.caf.apiparticulier.ApiParticulierClient.LocalRateLimitException;
import fr.repere.caf.apiparticulier.ApiParticulierStub.Answer;
import fr.repere.caf.apiparticulier.ApiParticulierStub.Recorded;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiParticulierClientTest {

    static final CivilStatus FULL = new CivilStatus("DE LA TOUR", "DUPONT DURANT", List.of("ÉLODIE", "Marie José", "ANNE-SOPHIE"),
            BirthDate.of(LocalDate.of(1990, 3, 8)), Sexe.F, "99100", "2A004");
    static final CivilStatus BORN_ABROAD = new CivilStatus("FAKIR", null, List.of("EYMEN"),
            BirthDate.ofYear(1992), Sexe.M, "99350", null);

    private final ApiParticulierStub stub = new ApiParticulierStub();

    @AfterEach
    void stop() {
        stub.close();
    }

    private ApiParticulierClient client() {
        return new ApiParticulierClient(stub.baseUri(), ApiParticulierStub.TOKEN, ApiParticulierStub.RECIPIENT, Duration.ofSeconds(1));
    }

    @Test
    void sendsTheIdentityWithTheApiParameterNames() throws Exception {
        client().revenuSolidariteActive(FULL);

        Recorded request = stub.requestsTo(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE).get(0);
        assertEquals("GET", request.method());
        assertEquals(Map.ofEntries(
                Map.entry("recipient", List.of(ApiParticulierStub.RECIPIENT)),
                Map.entry("nomNaissance", List.of("DE LA TOUR")),
                Map.entry("nomUsage", List.of("DUPONT DURANT")),
                Map.entry("prenoms[]", List.of("ÉLODIE", "Marie José", "ANNE-SOPHIE")),
                Map.entry("anneeDateNaissance", List.of("1990")),
                Map.entry("moisDateNaissance", List.of("3")),
                Map.entry("jourDateNaissance", List.of("8")),
                Map.entry("sexeEtatCivil", List.of("F")),
                Map.entry("codeCogInseePaysNaissance", List.of("99100")),
                Map.entry("codeCogInseeCommuneNaissance", List.of("2A004"))), request.params());
        assertEquals("Bearer " + ApiParticulierStub.TOKEN, request.header("Authorization").orElseThrow());
        assertEquals("application/json", request.header("Accept").orElseThrow());
    }

    @Test
    void encodesTheQueryAsRfc3986() throws Exception {
        client().primeActivite(FULL);

        String raw = stub.requests().get(0).rawQuery();
        assertEquals(3, raw.split("prenoms%5B%5D=", -1).length - 1, raw);
        assertFalse(raw.contains("[") || raw.contains("]") || raw.contains("+") || raw.contains(" "), raw);
        assertTrue(raw.contains("nomNaissance=DE%20LA%20TOUR"), raw);
        assertTrue(raw.contains("prenoms%5B%5D=%C3%89LODIE"), raw);
    }

    @Test
    void partialBirthDate() throws Exception {
        client().revenuSolidariteActive(BORN_ABROAD);

        Map<String, List<String>> params = stub.requests().get(0).params();
        assertEquals(List.of("1992"), params.get("anneeDateNaissance"));
        for (String absent : List.of("moisDateNaissance", "jourDateNaissance", "codeCogInseeCommuneNaissance",
                "nomUsage")) {
            assertFalse(params.containsKey(absent), absent);
        }
    }

    @Test
    void benefitsTakeNoPeriod() throws Exception {
        ApiParticulierClient client = client();
        client.revenuSolidariteActive(FULL);
        client.primeActivite(FULL);

        assertEquals(1, stub.requestsTo(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE).size());
        assertEquals(1, stub.requestsTo(ApiParticulierClient.PRIME_ACTIVITE).size());
        for (Recorded request : stub.requests()) {
            assertFalse(request.params().containsKey("annee"));
            assertEquals(10, request.params().size(), "recipient and the 9 identity parameters of FULL");
        }
    }

    @Test
    void aBaseUriWithATrailingSlashOrAPrefix() throws Exception {
        new ApiParticulierClient(URI.create(stub.baseUri() + "/"), ApiParticulierStub.TOKEN,
                ApiParticulierStub.RECIPIENT, Duration.ofSeconds(1)).primeActivite(BORN_ABROAD);
        new ApiParticulierClient(URI.create(stub.baseUri() + "/proxy"), ApiParticulierStub.TOKEN,
                ApiParticulierStub.RECIPIENT, Duration.ofSeconds(1)).primeActivite(BORN_ABROAD);
        assertEquals(List.of(ApiParticulierClient.PRIME_ACTIVITE, "/proxy" + ApiParticulierClient.PRIME_ACTIVITE),
                stub.requests().stream().map(Recorded::path).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"13002526500013", "21750001600019", "35600000000048", "35600000012341"})
    void validSirets(String siret) {
        assertTrue(ApiParticulierClient.isValidSiret(siret));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1300252650001", "130025265000130", "13002526500014", "1300252650001A", "35600000012342",
            "13 002 526 500 013"})
    void invalidSirets(String siret) {
        assertFalse(ApiParticulierClient.isValidSiret(siret));
        assertThrows(IllegalArgumentException.class,
                () -> new ApiParticulierClient(stub.baseUri(), ApiParticulierStub.TOKEN, siret, Duration.ofSeconds(1)));
    }

    @ParameterizedTest
    @CsvSource(value = {
            "http://particulier.api.gouv.fr, token, 1",
            "ftp://127.0.0.1, token, 1",
            "/v3, token, 1",
            "https://particulier.api.gouv.fr?x=1, token, 1",
            "https://particulier.api.gouv.fr, NULL, 1",
            "https://particulier.api.gouv.fr, '', 1",
            "https://particulier.api.gouv.fr, 'Bearer abc', 1",
            "https://particulier.api.gouv.fr, 'abc\r\nX-Injected: 1', 1",
            "https://particulier.api.gouv.fr, token, 0",
            "https://particulier.api.gouv.fr, token, -5"}, nullValues = "NULL")
    void refusedConfigurations(String base, String token, long timeoutMs) {
        assertThrows(IllegalArgumentException.class, () -> new ApiParticulierClient(URI.create(base), token,
                ApiParticulierStub.RECIPIENT, Duration.ofMillis(timeoutMs)));
    }

    @Test
    void productionAndStagingAreAccepted() {
        for (String base : List.of("https://particulier.api.gouv.fr", "https://staging.particulier.api.gouv.fr/")) {
            ApiParticulierClient client = new ApiParticulierClient(URI.create(base), ApiParticulierStub.TOKEN,
                    ApiParticulierStub.RECIPIENT, Duration.ofSeconds(5));
            assertFalse(client.toString().contains(ApiParticulierStub.TOKEN), "the token stays out of logs");
        }
    }

    @Test
    void twentyRequestsPerSecondPerInstance() throws Exception {
        AtomicLong frozenClock = new AtomicLong();
        List<Duration> sleeps = new ArrayList<>();
        ApiParticulierClient client = new ApiParticulierClient(stub.baseUri(), ApiParticulierStub.TOKEN,
                ApiParticulierStub.RECIPIENT, Duration.ofSeconds(1),
                new TokenBucket(ApiParticulierClient.REQUESTS_PER_SECOND, ApiParticulierClient.REQUESTS_PER_SECOND, frozenClock::get),
                sleeps::add);

        for (int i = 0; i < 40; i++) {
            client.primeActivite(BORN_ABROAD);
        }
        assertEquals(List.of(Duration.ZERO), sleeps.subList(0, 20).stream().distinct().toList(), "a burst of 20");
        assertEquals(Duration.ofMillis(50), sleeps.get(20));
        assertEquals(Duration.ofMillis(1000), sleeps.get(39), "queued permits, one every 50 ms");

        LocalRateLimitException refused = assertThrows(LocalRateLimitException.class, () -> client.primeActivite(BORN_ABROAD));
        assertEquals(Duration.ofMillis(1050), refused.retryAfter());
        assertEquals(40, stub.requests().size(), "the refused request was not sent");
    }

    private ApiParticulierClient client(Duration timeout, long maxBodyBytes) {
        return new ApiParticulierClient(stub.baseUri(), ApiParticulierStub.TOKEN, ApiParticulierStub.RECIPIENT, timeout,
                new TokenBucket(20, 20, System::nanoTime), TokenBucket.Sleeper.REAL, maxBodyBytes);
    }

    @Test
    void aBodyUpToTheCapIsReturned() throws Exception {
        String body = "{\"data\":{\"est_beneficiaire\":true}}";
        stub.override(ApiParticulierClient.PRIME_ACTIVITE, Answer.of(200, body));
        assertEquals(body, client(Duration.ofSeconds(2), body.length()).primeActivite(BORN_ABROAD).body());
    }

    @Test
    void aBodyOverTheCapIsRefused() {
        String body = "{\"data\":{\"est_beneficiaire\":true}}";
        stub.override(ApiParticulierClient.PRIME_ACTIVITE, Answer.of(200, body));
        ApiParticulierClient client = client(Duration.ofSeconds(2), body.length() - 1);
        assertThrows(BoundedBody.TooLargeException.class, () -> client.primeActivite(BORN_ABROAD));
        stub.override(ApiParticulierClient.PRIME_ACTIVITE, Answer.streaming(200, "{", 1_000, false));
        assertThrows(BoundedBody.TooLargeException.class, () -> client.primeActivite(BORN_ABROAD), "without Content-Length");
    }

    @Test
    void theDeadlineCoversTheBody() {
        stub.override(ApiParticulierClient.PRIME_ACTIVITE, Answer.streaming(200, "{", 1_000, true).paced(10, Duration.ofMillis(20)));
        ApiParticulierClient client = client(Duration.ofMillis(300), BoundedBody.MAX_BYTES);

        // the headers come at once and the whole body within 2 s: a deadline on the headers alone would let it be read
        assertThrows(java.net.http.HttpTimeoutException.class, () -> client.primeActivite(BORN_ABROAD));
    }

    @Test
    void retryAfterInSeconds() {
        assertEquals(Duration.ofSeconds(30), retryAfter(Map.of("Retry-After", List.of("30"))));
        assertEquals(Duration.ZERO, retryAfter(Map.of("Retry-After", List.of("0"))));
    }

    @Test
    void retryAfterAsHttpDate() {
        String in90s = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atOffset(ZoneOffset.UTC));
        assertEquals(Duration.ofSeconds(90), retryAfter(Map.of("Retry-After", List.of(in90s))));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(90).atOffset(ZoneOffset.UTC));
        assertEquals(Duration.ZERO, retryAfter(Map.of("Retry-After", List.of(past))));
    }

    @Test
    void rateLimitResetAsTimestampOrSeconds() {
        assertEquals(Duration.ofSeconds(42),
                retryAfter(Map.of("RateLimit-Reset", List.of(Long.toString(NOW.getEpochSecond() + 42)))));
        assertEquals(Duration.ofSeconds(7), retryAfter(Map.of("RateLimit-Reset", List.of("7"))));
        assertEquals(Duration.ofSeconds(5), retryAfter(Map.of("Retry-After", List.of("5"), "RateLimit-Reset", List.of("7"))));
    }

    @Test
    void retryAfterAloneIgnoresRateLimitReset() {
        assertNull(ApiParticulierClient.retryAfterHeader(HttpHeaders.of(Map.of("RateLimit-Reset", List.of("7")), (a, b) -> true), NOW));
        assertEquals(Duration.ofSeconds(5), ApiParticulierClient.retryAfterHeader(
                HttpHeaders.of(Map.of("Retry-After", List.of("5"), "RateLimit-Reset", List.of("7")), (a, b) -> true), NOW));
    }

    @Test
    void noUsableRetryAfter() {
        assertNull(retryAfter(Map.of()));
        assertNull(retryAfter(Map.of("Retry-After", List.of("soon"))));
        assertNull(retryAfter(Map.of("Retry-After", List.of("-3"))));
        assertNull(retryAfter(Map.of("Retry-After", List.of("99999999999999999999999"))));
    }

    private static final Instant NOW = Instant.parse("2025-11-24T10:15:30Z");

    private static Duration retryAfter(Map<String, List<String>> headers) {
        return ApiParticulierClient.retryAfter(HttpHeaders.of(headers, (a, b) -> true), NOW);
    }
}
