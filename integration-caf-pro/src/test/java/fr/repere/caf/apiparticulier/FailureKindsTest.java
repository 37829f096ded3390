package fr.repere.caf.apiparticulier;

import static fr.repere.caf.apiparticulier.Cases.NOW;
import static fr.repere.caf.apiparticulier.Cases.cafData;
import static fr.repere.caf.apiparticulier.Cases.martinSamuel;
import static fr.repere.caf.apiparticulier.Cases.person;
import static fr.repere.caf.apiparticulier.Cases.unavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.caf.CafLookup;
import fr.repere.caf.CafLookup.Failure;
import fr.repere.caf.apiparticulier.ApiParticulierStub.Answer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each answer, or absence of answer, of the RSA call and the {@link Failure} it gives: who can act. */
class FailureKindsTest {

    private static final String RSA = ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE;
    private static final String NETWORK_ERROR = """
            {"errors":[{"code":"00501","title":"Erreur réseau","detail":"Problème de connexion au serveur distant.",\
            "source":null,"meta":{"retry_in":10}}]}""";

    private final ApiParticulierStub stub = new ApiParticulierStub();
    private final Cases.Calls calls = new Cases.Calls();
    private final LogCapture log = new LogCapture();

    @AfterEach
    void stop() {
        log.close();
        stub.close();
    }

    private static String error(String code) {
        return "{\"errors\":[{\"code\":\"" + code + "\",\"title\":\"Titre\",\"detail\":\"Détail\",\"source\":null,\"meta\":{}}]}";
    }

    static Stream<Arguments> answers() {
        String in42s = Long.toString(NOW.getEpochSecond() + 42);
        return Stream.of(
                // the provider is down: asking again soon may work
                Arguments.of(Answer.of(500, error("00500")), Failure.PROVIDER_DOWN, null,
                        "API Particulier ou son fournisseur indisponible (HTTP 500, erreur 00500, RSA)"),
                Arguments.of(Answer.of(502, "<html>Bad Gateway</html>"), Failure.PROVIDER_DOWN, null,
                        "API Particulier ou son fournisseur indisponible (HTTP 502, RSA)"),
                Arguments.of(Answer.of(503, ""), Failure.PROVIDER_DOWN, null,
                        "API Particulier ou son fournisseur indisponible (HTTP 503, RSA)"),
                Arguments.of(Answer.of(504, error("37002")), Failure.PROVIDER_DOWN, null,
                        "API Particulier ou son fournisseur indisponible (HTTP 504, erreur 37002, RSA)"),
                // RateLimit-Reset comes with every answer: alone, it does not turn an outage into a wait
                Arguments.of(Answer.of(500, "").withHeader("RateLimit-Reset", in42s), Failure.PROVIDER_DOWN, null,
                        "API Particulier ou son fournisseur indisponible (HTTP 500, RSA)"),
                // asked to wait
                Arguments.of(Answer.of(429, error("00429")).withHeader("Retry-After", "30"), Failure.RATE_LIMITED,
                        Duration.ofSeconds(30), "trop de requêtes vers API Particulier (HTTP 429, erreur 00429, RSA)"),
                Arguments.of(Answer.of(429, error("00429")), Failure.RATE_LIMITED, null,
                        "trop de requêtes vers API Particulier (HTTP 429, erreur 00429, RSA)"),
                Arguments.of(Answer.of(429, "").withHeader("RateLimit-Reset", in42s), Failure.RATE_LIMITED,
                        Duration.ofSeconds(42), "trop de requêtes vers API Particulier (HTTP 429, RSA)"),
                Arguments.of(Answer.of(503, "").withHeader("Retry-After", "120"), Failure.RATE_LIMITED,
                        Duration.ofSeconds(120), "API Particulier demande d'attendre (HTTP 503, RSA)"),
                Arguments.of(Answer.of(504, NETWORK_ERROR), Failure.RATE_LIMITED, Duration.ofSeconds(10),
                        "API Particulier demande d'attendre (HTTP 504, erreur 00501, RSA)"),
                Arguments.of(Answer.of(401, error("00101")).withHeader("Retry-After", "5"), Failure.RATE_LIMITED,
                        Duration.ofSeconds(5), "API Particulier demande d'attendre (HTTP 401, erreur 00101, RSA)"),
                // the administrator must act
                Arguments.of(Answer.of(401, ApiParticulierStub.INVALID_TOKEN_PAYLOAD), Failure.CONFIGURATION, null,
                        "jeton API Particulier refusé (HTTP 401, erreur 00101, RSA)"),
                Arguments.of(Answer.of(401, error("00103")).withHeader("RateLimit-Reset", in42s), Failure.CONFIGURATION, null,
                        "jeton API Particulier refusé (HTTP 401, erreur 00103, RSA)"),
                Arguments.of(Answer.of(403, error("00100")), Failure.CONFIGURATION, null,
                        "habilitation API Particulier insuffisante (HTTP 403, erreur 00100, RSA)"),
                // the worker checks the identity
                Arguments.of(Answer.of(422, error("00366")), Failure.IDENTITY_REFUSED, null,
                        "identité refusée par API Particulier (HTTP 422, erreur 00366, RSA) : vérifiez l'état civil"),
                Arguments.of(Answer.of(400, ""), Failure.IDENTITY_REFUSED, null,
                        "identité refusée par API Particulier (HTTP 400, RSA) : vérifiez l'état civil"),
                // support: an answer Repère cannot read
                Arguments.of(Answer.of(404, """
                        {"errors":[{"code":"35003","title":"Erreur inattendue",\
                        "detail":"Une erreur inattendue est survenue lors de la collecte des données","source":null,\
                        "meta":{"provider":"CNAF & MSA"}}]}"""), Failure.UNEXPECTED, null,
                        "réponse inattendue d'API Particulier (HTTP 404, erreur 35003, RSA)"),
                Arguments.of(Answer.of(404, error("00404")), Failure.UNEXPECTED, null,
                        "réponse inattendue d'API Particulier (HTTP 404, erreur 00404, RSA)"),
                Arguments.of(Answer.of(404, ""), Failure.UNEXPECTED, null, "réponse inattendue d'API Particulier (HTTP 404, RSA)"),
                Arguments.of(Answer.of(404, "<html>Not Found</html>"), Failure.UNEXPECTED, null,
                        "réponse inattendue d'API Particulier (HTTP 404, RSA)"),
                Arguments.of(Answer.of(302, "").withHeader("Location", "https://elsewhere.example/collect"), Failure.UNEXPECTED,
                        null, "réponse inattendue d'API Particulier (HTTP 302, RSA)"),
                Arguments.of(Answer.of(409, error("00015")), Failure.UNEXPECTED, null,
                        "réponse inattendue d'API Particulier (HTTP 409, erreur 00015, RSA)"),
                Arguments.of(Answer.of(501, ""), Failure.UNEXPECTED, null, "réponse inattendue d'API Particulier (HTTP 501, RSA)"),
                Arguments.of(Answer.of(204, ""), Failure.UNEXPECTED, null, "réponse inattendue d'API Particulier (HTTP 204, RSA)"),
                Arguments.of(Answer.of(200, "<html>Portail captif</html>"), Failure.UNEXPECTED, null,
                        "réponse illisible d'API Particulier (HTTP 200, RSA)"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("answers")
    void eachAnswerHasItsKind(Answer answer, Failure failure, Duration retryAfter, String reason) {
        stub.override(RSA, answer);

        CafLookup.Unavailable unavailable = unavailable(cafData(stub, Duration.ofSeconds(2)).lookup(martinSamuel(), calls));

        assertEquals(failure, unavailable.failure());
        assertEquals(retryAfter, unavailable.retryAfter());
        assertEquals(reason, unavailable.reason());
        assertEquals(failure == Failure.PROVIDER_DOWN, unavailable.transientFailure());
        assertEquals(List.of("revenu_solidarite_active " + answer.status()), calls.told());
        assertEquals(1, stub.requests().size(), "no other call, no redirect followed");
        assertEquals(List.of("CAF data unavailable (" + failure + "): " + reason), log.lines());
    }

    /** Only the documented "dossier absent" codes mean no file (see {@link ReplyMeaning#NO_FILE_CODES}). */
    @ParameterizedTest
    @ValueSource(strings = {"10003", "23003", "37003"})
    void aDocumentedNoFileCodeIsNotFound(String code) {
        stub.override(RSA, Answer.of(404, error(code)));
        stub.override(ApiParticulierClient.PRIME_ACTIVITE, Answer.of(404, error(code)));

        assertEquals(new CafLookup.NotFound(), cafData(stub, Duration.ofSeconds(2)).lookup(martinSamuel(), calls));
    }

    @Test
    void theStagingFixturesOfAnOutage() {
        CafLookup.Unavailable badGateway = unavailable(cafData(stub, Duration.ofSeconds(2))
                .lookup(person(RSA, "502.yaml"), calls));
        assertEquals(Failure.PROVIDER_DOWN, badGateway.failure());
        assertEquals("API Particulier ou son fournisseur indisponible (HTTP 502, erreur 37999, RSA)", badGateway.reason());

        CafLookup.Unavailable tooMany = unavailable(cafData(stub, Duration.ofSeconds(2))
                .lookup(person(RSA, "429.yaml"), calls));
        assertEquals(Failure.RATE_LIMITED, tooMany.failure());
        assertEquals(Duration.ofSeconds(30), tooMany.retryAfter());
    }

    @Test
    void noAnswerWithinTheDeadlineIsProviderDown() {
        stub.override(RSA, Answer.of(200, "{}").after(Duration.ofMillis(1500)));

        // had the client waited for the answer, it would have read « {} » (a malformed payload), not a time-out
        CafLookup.Unavailable unavailable = unavailable(cafData(stub, Duration.ofMillis(300)).lookup(martinSamuel(), calls));

        assertEquals(Failure.PROVIDER_DOWN, unavailable.failure());
        assertEquals("API Particulier n'a pas répondu dans le délai de 300 ms (RSA)", unavailable.reason());
        assertEquals(List.of("revenu_solidarite_active délai"), calls.told());
    }

    @Test
    void anUnreachableApiIsProviderDownAndItsExceptionClassIsLogged() {
        URI closed = stub.baseUri();
        stub.close();

        CafLookup.Unavailable unavailable = unavailable(cafData(closed, ApiParticulierStub.TOKEN, Duration.ofSeconds(1))
                .lookup(martinSamuel(), calls));

        assertEquals(Failure.PROVIDER_DOWN, unavailable.failure());
        assertEquals("API Particulier injoignable (ConnectException, RSA)", unavailable.reason());
        assertEquals(List.of("revenu_solidarite_active réseau"), calls.told());
        assertTrue(log.lines().stream().anyMatch(line -> line.startsWith("API Particulier revenu_solidarite_active: no answer, "
                + "java.net.ConnectException")), log.lines().toString());
        assertEquals(List.of(), log.thrown());
    }

    @Test
    void repereOwnRateLimitIsRateLimited() {
        AtomicLong frozen = new AtomicLong();
        ApiParticulierClient client = new ApiParticulierClient(stub.baseUri(), ApiParticulierStub.TOKEN,
                ApiParticulierStub.RECIPIENT, Duration.ofMillis(500), new TokenBucket(1, 1, frozen::get), TokenBucket.Sleeper.REAL);

        CafLookup.Unavailable unavailable = unavailable(new ApiParticulierCafData(client, Clock.fixed(NOW, ZoneOffset.UTC))
                .lookup(martinSamuel(), calls));

        assertEquals(Failure.RATE_LIMITED, unavailable.failure());
        assertEquals(Duration.ofSeconds(1), unavailable.retryAfter());
        assertEquals("limite de 20 requêtes par seconde atteinte côté Repère (prime d'activité)", unavailable.reason());
        assertEquals(List.of("revenu_solidarite_active 200", "prime_activite limite"), calls.told());
        assertEquals(1, stub.requests().size(), "the refused request was not sent");
    }

    @Test
    void aRefusedTokenIsConfiguration() {
        CafLookup.Unavailable unavailable = unavailable(cafData(stub.baseUri(), "expired.jwt.token", Duration.ofSeconds(1))
                .lookup(martinSamuel(), calls));

        assertEquals(Failure.CONFIGURATION, unavailable.failure());
        assertEquals("jeton API Particulier refusé (HTTP 401, erreur 00101, RSA)", unavailable.reason());
        assertFalse(unavailable.reason().contains("expired"));
        assertNull(unavailable.retryAfter());
    }
}
