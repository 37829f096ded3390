package fr.repere.caf.apiparticulier;

import static fr.repere.caf.apiparticulier.Cases.NOW;
import static fr.repere.caf.apiparticulier.Cases.cafData;
import static fr.repere.caf.apiparticulier.Cases.martinSamuel;
import static fr.repere.caf.apiparticulier.Cases.nobody;
import static fr.repere.caf.apiparticulier.Cases.unavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.caf.CafLookup;
import fr.repere.caf.CafLookup.Failure;
import fr.repere.caf.CafSituation;
import fr.repere.caf.apiparticulier.ApiParticulierStub.Answer;
import fr.repere.caf.apiparticulier.ApiParticulierStub.Recorded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the adapter asks and makes of the answers: RSA then prime d'activité, only
 * {@code est_beneficiaire} read, never a word of the provider copied. The failure kinds are in
 * {@link FailureKindsTest}, oversized and slow bodies in {@link BoundedAnswersTest}.
 */
class ApiParticulierCafDataTest {

    private static final String RSA = ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE;
    private static final String PRIME = ApiParticulierClient.PRIME_ACTIVITE;

    private final ApiParticulierStub stub = new ApiParticulierStub();
    private final Cases.Calls calls = new Cases.Calls();
    private final LogCapture log = new LogCapture();

    @AfterEach
    void stop() {
        log.close();
        stub.close();
    }

    private CafLookup lookup() {
        return cafData(stub, Duration.ofSeconds(2)).lookup(martinSamuel(), calls);
    }

    // --- 2. ask only what the rules read

    @Test
    void theQuotientFamilialIsNeverAsked() {
        lookup();

        assertEquals(List.of(RSA, PRIME), stub.requests().stream().map(Recorded::path).toList(), "RSA, then prime d'activité");
        for (Recorded request : stub.requests()) {
            assertFalse(request.params().containsKey("annee") || request.params().containsKey("mois"));
        }
    }

    @Test
    void bothAnsweredIsFound() {
        assertEquals(new CafLookup.Found(new CafSituation(true, true)), lookup());
        assertEquals(List.of("revenu_solidarite_active 200", "prime_activite 200"), calls.told());
    }

    @Test
    void noFileOnBothIsNotFound() {
        CafLookup lookup = cafData(stub, Duration.ofSeconds(2)).lookup(nobody(), calls);

        assertEquals(new CafLookup.NotFound(), lookup);
        assertEquals(List.of("revenu_solidarite_active 404", "prime_activite 404"), calls.told());
    }

    @Test
    void aFileForTheRsaOnlyIsFoundWithoutPrimeActivite() {
        stub.override(PRIME, Answer.of(404, ApiParticulierStub.NOT_FOUND_PAYLOAD));
        assertEquals(new CafLookup.Found(new CafSituation(true, false)), lookup());
    }

    @Test
    void aFileForThePrimeActiviteOnlyIsFoundWithoutRsa() {
        stub.override(RSA, Answer.of(404, ApiParticulierStub.NOT_FOUND_PAYLOAD));
        assertEquals(new CafLookup.Found(new CafSituation(false, true)), lookup());
    }

    @Test
    void aNonBeneficiaryIsFound() {
        stub.override(RSA, Answer.of(200, "{\"data\":{\"est_beneficiaire\":false,\"avec_majoration\":null,\"date_debut_droit\":null}}"));
        assertEquals(new CafLookup.Found(new CafSituation(false, true)), lookup());
    }

    @Test
    void aFailureOnTheRsaStopsTheLookup() {
        stub.override(RSA, Answer.of(503, ""));

        assertEquals(Failure.PROVIDER_DOWN, unavailable(lookup()).failure());
        assertEquals(List.of(RSA), stub.requests().stream().map(Recorded::path).toList(), "the prime d'activité is not asked");
        assertEquals(List.of("revenu_solidarite_active 503"), calls.told());
    }

    @Test
    void aFailureOnThePrimeActiviteIsTheAnswer() {
        stub.override(PRIME, Answer.of(401, ApiParticulierStub.INVALID_TOKEN_PAYLOAD));

        assertEquals(Failure.CONFIGURATION, unavailable(lookup()).failure());
        assertEquals(List.of("revenu_solidarite_active 200", "prime_activite 401"), calls.told());
    }

    /** Fields no rule reads, in any format the provider may send, never make the answer unreadable. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"data\":{\"est_beneficiaire\":true,\"avec_majoration\":true,\"date_debut_droit\":\"01/03/2021\"},\"links\":{},\"meta\":{}}",
            "{\"data\":{\"est_beneficiaire\":true,\"avec_majoration\":false,\"date_debut_droit\":\"2021-03-01T00:00:00Z\"}}",
            "{\"data\":{\"est_beneficiaire\":true,\"avec_majoration\":null,\"date_debut_droit\":null}}",
            "{\"data\":{\"est_beneficiaire\":true}}",
            "{\"data\":{\"est_beneficiaire\":true,\"avec_majoration\":\"false\",\"date_debut_droit\":19921120,\"montant\":\"12.5\"}}",
            "{\"data\":{\"est_beneficiaire\":true,\"nouveau\":{\"champ\":[1,null,\"x\"]}},\"links\":null,\"meta\":null}"})
    void fieldsNoRuleReadsAreIgnored(String body) {
        stub.override(RSA, Answer.of(200, body));
        assertEquals(new CafLookup.Found(new CafSituation(true, true)), lookup());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html><body>Proxy: welcome</body></html>", "{\"data\":{\"est_beneficiaire\":\"oui\"}}",
            "{\"data\":null,\"links\":{},\"meta\":{}}", "{\"data\":{\"est_beneficiaire\":null}}"})
    void anUnreadableAnswerIsUnexpected(String body) {
        stub.override(PRIME, Answer.of(200, body).withHeader("Content-Type", "text/html"));

        CafLookup.Unavailable unavailable = unavailable(lookup());
        assertEquals(Failure.UNEXPECTED, unavailable.failure());
        assertEquals("réponse illisible d'API Particulier (HTTP 200, prime d'activité)", unavailable.reason());
    }

    // --- 3. never copy the provider's text

    @Test
    void theProviderTextNeverReachesTheReasonNorTheLog() {
        stub.override(RSA, Answer.of(422, """
                {"errors":[{"code":"00366","title":"DUPONT Jean né le 1980-01-01",\
                "detail":"Aucun allocataire DUPONT Jean né le 1980-01-01 à Lyon","source":null,"meta":{}}]}"""));

        CafLookup.Unavailable unavailable = unavailable(lookup());

        assertEquals(Failure.IDENTITY_REFUSED, unavailable.failure());
        assertEquals("identité refusée par API Particulier (HTTP 422, erreur 00366, RSA) : vérifiez l'état civil",
                unavailable.reason());
        assertFalse(log.lines().isEmpty(), "the failure is logged");
        for (String text : concat(unavailable.reason(), log.lines())) {
            for (String leak : List.of("DUPONT", "Jean", "1980", "Lyon", "MARTIN", "SAMUEL")) {
                assertFalse(text.contains(leak), leak + " in " + text);
            }
        }
        assertEquals(List.of(), log.thrown(), "no exception (and its message) attached to a log line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DUPONT Jean", "1980-01-01", "12345678901", "00366;DROP", ""})
    void anErrorCodeOfAnotherShapeIsNotCopied(String code) {
        stub.override(RSA, Answer.of(422, "{\"errors\":[{\"code\":\"" + code + "\",\"title\":\"t\",\"detail\":\"d\"}]}"));

        CafLookup.Unavailable unavailable = unavailable(lookup());

        assertEquals("identité refusée par API Particulier (HTTP 422, RSA) : vérifiez l'état civil", unavailable.reason());
        log.lines().forEach(line -> assertFalse(!code.isEmpty() && line.contains(code), line));
    }

    @Test
    void aTenMegabyteTitleIsRefusedAndNothingLongIsWritten() {
        stub.override(RSA, Answer.of(422, "{\"errors\":[{\"code\":\"00366\",\"title\":\"" + "DUPONT ".repeat(1_500_000)
                + "\",\"detail\":\"x\"}]}"));

        CafLookup.Unavailable unavailable = unavailable(lookup());

        assertEquals(Failure.UNEXPECTED, unavailable.failure());
        assertEquals("réponse trop volumineuse d'API Particulier (RSA)", unavailable.reason());
        assertEquals(List.of("revenu_solidarite_active taille"), calls.told());
        assertBounded(unavailable);
    }

    @Test
    void aLongTitleUnderTheCapLeavesNoTrace() {
        stub.override(RSA, Answer.of(422, "{\"errors\":[{\"code\":\"00366\",\"title\":\"" + "DUPONT ".repeat(100_000)
                + "\",\"detail\":\"x\"}]}"));

        CafLookup.Unavailable unavailable = unavailable(lookup());

        assertEquals(Failure.IDENTITY_REFUSED, unavailable.failure());
        assertBounded(unavailable);
        concat(unavailable.reason(), log.lines()).forEach(text -> assertFalse(text.contains("DUPONT"), text));
    }

    private void assertBounded(CafLookup.Unavailable unavailable) {
        assertTrue(unavailable.reason().length() < 300, unavailable.reason());
        assertFalse(log.lines().isEmpty());
        log.lines().forEach(line -> assertTrue(line.length() < 300, "log line of " + line.length() + " characters"));
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    // --- 4. failures of Repère itself

    @Test
    void aCrashInsideTheLookupIsInternal() {
        CafLookup lookup = cafData(stub, Duration.ofSeconds(2)).lookup(martinSamuel(), call -> {
            throw new IllegalStateException("journal full: MARTIN SAMUEL");
        });

        CafLookup.Unavailable unavailable = unavailable(lookup);
        assertEquals(Failure.INTERNAL, unavailable.failure());
        assertEquals("erreur interne lors de l'interrogation d'API Particulier", unavailable.reason());
        assertTrue(log.lines().stream().anyMatch(line -> line.contains("java.lang.IllegalStateException")), log.lines().toString());
        log.lines().forEach(line -> assertFalse(line.contains("MARTIN"), line));
    }

    @Test
    void anInterruptedCallerGetsInternalAndKeepsItsInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            CafLookup.Unavailable unavailable = unavailable(lookup());
            assertEquals(Failure.INTERNAL, unavailable.failure());
            assertTrue(unavailable.reason().contains("interrompue"), unavailable.reason());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void argumentsAreRequired() {
        ApiParticulierCafData cafData = cafData(stub, Duration.ofSeconds(1));
        assertThrows(NullPointerException.class, () -> cafData.lookup(null, calls));
        assertThrows(NullPointerException.class, () -> cafData.lookup(martinSamuel(), null));
    }

    // --- 5. Retry-After counted from the reply

    @Test
    void anHttpDateIsCountedFromTheMomentTheReplyArrived() {
        Instant asked = NOW.plusSeconds(90);
        stub.override(RSA, Answer.of(429, "").withHeader("Retry-After",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(asked.atOffset(ZoneOffset.UTC))));
        // 60 s pass between the request and its reply: the wait left is 30 s, not 90
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return stub.requests().isEmpty() ? NOW : NOW.plusSeconds(60);
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        ApiParticulierCafData cafData = new ApiParticulierCafData(new ApiParticulierClient(stub.baseUri(),
                ApiParticulierStub.TOKEN, ApiParticulierStub.RECIPIENT, Duration.ofSeconds(2)), clock);

        CafLookup.Unavailable unavailable = unavailable(cafData.lookup(martinSamuel(), calls));

        assertEquals(Failure.RATE_LIMITED, unavailable.failure());
        assertEquals(Duration.ofSeconds(30), unavailable.retryAfter());
    }
}
