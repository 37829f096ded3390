package fr.repere.caf.apiparticulier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.caf.CafLookup;
import fr.repere.caf.CafSituation;
import fr.repere.caf.CafSituation.Benefit;
import fr.repere.caf.CivilStatus;
import fr.repere.caf.apiparticulier.ApiParticulierStub.Answer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How answers and failures of the API become a {@link CafLookup}; the stub replays the staging fixtures. */
class ApiParticulierCafDataTest {

    private static final Instant NOW = Instant.parse("2025-11-24T10:15:30Z");

    private final ApiParticulierStub stub = new ApiParticulierStub();

    @AfterEach
    void stop() {
        stub.close();
    }

    private Adapter cafData(Duration timeout) {
        return cafData(stub.baseUri(), ApiParticulierStub.TOKEN, timeout);
    }

    private static Adapter cafData(URI base, String token, Duration timeout) {
        return new Adapter(new ApiParticulierCafData(
                new ApiParticulierClient(base, token, ApiParticulierStub.RECIPIENT, timeout), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /** The adapter under test, asked for the current month. */
    private record Adapter(ApiParticulierCafData cafData) {
        CafLookup lookup(CivilStatus person) {
            return cafData.lookup(person, null);
        }
    }

    /** Identity of a fixture case, e.g. DESFOUIN René (429 on the three endpoints). */
    private static CivilStatus person(String endpoint, String file) {
        return Fixtures.named(endpoint, file).civilStatus().orElseThrow();
    }

    private static CivilStatus martinSamuel() {
        return person(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, "200_beneficiaire_majoration.yaml");
    }

    private CafLookup.Unavailable unavailable(CafLookup lookup) {
        return assertInstanceOf(CafLookup.Unavailable.class, lookup);
    }

    @Test
    void nobodyAnywhereIsNotFound() {
        CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(person(ApiParticulierClient.PRIME_ACTIVITE, "404.yaml"));

        assertEquals(new CafLookup.NotFound(), lookup);
        assertEquals(3, stub.requests().size());
    }

    @Test
    void aDossierWithoutQuotientFamilialIsFound() {
        CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(martinSamuel());

        CafSituation situation = assertInstanceOf(CafLookup.Found.class, lookup).situation();
        assertNull(situation.quotientFamilial(), "the quotient familial call said 404");
        assertEquals(Benefit.since(LocalDate.of(1992, 11, 20)), situation.rsa());
        assertTrue(situation.hasQuarterlyDeclarations());
    }

    @Test
    void tooManyRequestsGivesTheWaitAndStops() {
        CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(person(ApiParticulierClient.QUOTIENT_FAMILIAL, "429.yaml"));

        CafLookup.Unavailable unavailable = unavailable(lookup);
        assertEquals(Duration.ofSeconds(30), unavailable.retryAfter());
        assertTrue(unavailable.reason().contains("429") && unavailable.reason().contains("00429"), unavailable.reason());
        assertEquals(1, stub.requests().size(), "no further call once the API asked to wait");
        assertFalse(unavailable.transientFailure(), "asked to wait: no retry before Retry-After");
    }

    @Test
    void tooManyRequestsWithAnHttpDate() {
        stub.retryAfter("Mon, 24 Nov 2025 10:17:00 GMT");
        CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(person(ApiParticulierClient.QUOTIENT_FAMILIAL, "429.yaml"));
        assertEquals(Duration.ofSeconds(90), unavailable(lookup).retryAfter());
    }

    @Test
    void tooManyRequestsWithoutRetryAfter() {
        stub.retryAfter(null);
        CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(person(ApiParticulierClient.QUOTIENT_FAMILIAL, "429.yaml"));
        assertNull(unavailable(lookup).retryAfter());
    }

    @Test
    void badGateway() {
        CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(person(ApiParticulierClient.QUOTIENT_FAMILIAL, "502.yaml"));

        CafLookup.Unavailable unavailable = unavailable(lookup);
        assertTrue(unavailable.reason().contains("502") && unavailable.reason().contains("37999"), unavailable.reason());
        assertNull(unavailable.retryAfter());
        assertTrue(unavailable.transientFailure(), "a gateway error may pass: callers may retry");
    }

    @Test
    void gatewayTimeout() {
        CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(person(ApiParticulierClient.PRIME_ACTIVITE, "504.yaml"));

        CafLookup.Unavailable unavailable = unavailable(lookup);
        assertTrue(unavailable.reason().contains("504") && unavailable.reason().contains("37002"), unavailable.reason());
        assertTrue(unavailable.transientFailure());
    }

    @Test
    void gatewayTimeoutWithRetryIn() {
        stub.override(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, Answer.of(504, """
                {"errors":[{"code":"00501","title":"Erreur réseau","detail":"Problème de connexion au serveur distant.",\
                "source":null,"meta":{"retry_in":10}}]}"""));
        CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(martinSamuel());

        assertEquals(Duration.ofSeconds(10), unavailable(lookup).retryAfter());
        assertEquals(2, stub.requests().size());
    }

    @Test
    void noAnswerWithinTheTimeout() {
        stub.override(ApiParticulierClient.QUOTIENT_FAMILIAL, Answer.of(200, "{}").after(Duration.ofMillis(1500)));
        long start = System.nanoTime();

        CafLookup lookup = cafData(Duration.ofMillis(300)).lookup(martinSamuel());

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        CafLookup.Unavailable unavailable = unavailable(lookup);
        assertTrue(unavailable.reason().contains("délai de 300 ms"), unavailable.reason());
        assertTrue(elapsed.compareTo(Duration.ofMillis(1200)) < 0, "gave up after " + elapsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>ok</html>", "{\"data\":{\"est_beneficiaire\":\"oui\"}}", "{\"data\":null,\"links\":{},\"meta\":{}}"})
    void unreadableAnswer(String body) {
        stub.override(ApiParticulierClient.PRIME_ACTIVITE, Answer.of(200, body));
        CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(martinSamuel());
        assertTrue(unavailable(lookup).reason().contains("illisible"), unavailable(lookup).reason());
    }

    @Test
    void unreachableApi() {
        URI closed = stub.baseUri();
        stub.close();
        CafLookup lookup = cafData(closed, ApiParticulierStub.TOKEN, Duration.ofSeconds(1)).lookup(martinSamuel());
        assertTrue(unavailable(lookup).reason().contains("injoignable"), unavailable(lookup).reason());
    }

    @Test
    void refusedToken() {
        CafLookup lookup = cafData(stub.baseUri(), "expired.jwt.token", Duration.ofSeconds(1)).lookup(martinSamuel());
        CafLookup.Unavailable unavailable = unavailable(lookup);
        assertTrue(unavailable.reason().contains("jeton") && unavailable.reason().contains("00101"), unavailable.reason());
        assertNull(unavailable.retryAfter());
    }

    @Test
    void refusedIdentity() {
        stub.override(ApiParticulierClient.QUOTIENT_FAMILIAL, Answer.of(422, """
                {"errors":[{"code":"00366","title":"Entité non traitable",\
                "detail":"Un ou plusieurs paramètres de civilité ne sont pas correctement formatés","source":null,"meta":{}}]}"""));
        CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(martinSamuel());
        assertTrue(unavailable(lookup).reason().contains("00366"), unavailable(lookup).reason());
    }

    @Test
    void redirectsAreNotFollowed() {
        stub.override(ApiParticulierClient.QUOTIENT_FAMILIAL,
                Answer.of(302, "").withHeader("Location", "https://elsewhere.example/collect"));
        CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(martinSamuel());
        assertTrue(unavailable(lookup).reason().contains("HTTP 302"), unavailable(lookup).reason());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void anInterruptedCallerGetsUnavailableAndKeepsItsInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(martinSamuel());
            assertTrue(unavailable(lookup).reason().contains("interrompue"), unavailable(lookup).reason());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void reasonsCarryNoIdentity() {
        CafLookup lookup = cafData(Duration.ofSeconds(1)).lookup(person(ApiParticulierClient.QUOTIENT_FAMILIAL, "502.yaml"));
        assertFalse(unavailable(lookup).reason().contains("DELANOUE"));
    }

    @Test
    void aPersonIsRequired() {
        assertThrows(NullPointerException.class, () -> new ApiParticulierCafData(
                new ApiParticulierClient(stub.baseUri(), ApiParticulierStub.TOKEN, ApiParticulierStub.RECIPIENT,
                        Duration.ofSeconds(1))).lookup(null, null));
    }
}
