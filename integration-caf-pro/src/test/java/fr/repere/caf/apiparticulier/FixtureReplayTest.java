package fr.repere.caf.apiparticulier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.caf.CafLookup;
import fr.repere.caf.CafLookup.Failure;
import fr.repere.caf.CafSituation;
import fr.repere.caf.CivilStatus;
import fr.repere.caf.apiparticulier.ApiParticulierClient.Reply;
import fr.repere.caf.apiparticulier.Fixtures.Fixture;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every staging fixture, through the stub, the client and the adapter: its parameters give its
 * status and payload, and the {@link CafLookup} carries the values the fixture's payload holds.
 */
class FixtureReplayTest {

    private static ApiParticulierStub stub;
    private static ApiParticulierClient client;

    @BeforeAll
    static void start() {
        stub = new ApiParticulierStub();
        // hundreds of calls: a wider bucket than the 20/s of production (tested in ApiParticulierClientTest)
        client = new ApiParticulierClient(stub.baseUri(), ApiParticulierStub.TOKEN, ApiParticulierStub.RECIPIENT,
                Duration.ofSeconds(2), new TokenBucket(1000, 1000, System::nanoTime), TokenBucket.Sleeper.REAL);
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    static Stream<Fixture> fixtures() {
        return Fixtures.all().stream();
    }

    static Stream<Fixture> expressibleFixtures() {
        return Fixtures.all().stream().filter(f -> f.civilStatus().isPresent());
    }

    @Test
    void allFixturesOfTheTwoEndpointsAreCopied() {
        assertEquals(Map.of(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, 7, ApiParticulierClient.PRIME_ACTIVITE, 7),
                Map.of(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, Fixtures.of(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE).size(),
                        ApiParticulierClient.PRIME_ACTIVITE, Fixtures.of(ApiParticulierClient.PRIME_ACTIVITE).size()));
        assertEquals(Set.of(200, 404, 429, 502, 504),
                Set.copyOf(Fixtures.all().stream().map(Fixture::status).toList()));
    }

    @Test
    void parametersIdentifyOneFixturePerEndpoint() {
        for (String endpoint : Fixtures.ENDPOINT_DIRECTORIES.keySet()) {
            Set<Map<String, List<String>>> seen = new HashSet<>();
            for (Fixture fixture : Fixtures.of(endpoint)) {
                assertTrue(seen.add(fixture.params()), "two fixtures with the parameters of " + fixture);
            }
        }
    }

    /** The stub itself: the raw parameters of each file, sent by hand, give the file's answer. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void theStubReplaysTheFixture(Fixture fixture) throws Exception {
        StringJoiner query = new StringJoiner("&");
        query.add("recipient=" + ApiParticulierStub.RECIPIENT);
        fixture.params().forEach((name, values) -> values.forEach(value -> query.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stub.baseUri() + fixture.endpoint() + "?" + query))
                .header("Authorization", "Bearer " + ApiParticulierStub.TOKEN).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(fixture.status(), response.statusCode());
        assertEquals(fixture.payload(), response.body());
    }

    /** The client: the identity built from the file is sent with exactly the file's parameters. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("expressibleFixtures")
    void theClientSendsTheFixtureParameters(Fixture fixture) throws Exception {
        CivilStatus person = fixture.civilStatus().orElseThrow();
        int before = stub.requests().size();

        Reply reply = fixture.endpoint().equals(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE)
                ? client.revenuSolidariteActive(person) : client.primeActivite(person);

        assertEquals(fixture.status(), reply.status());
        assertEquals(fixture.payload(), reply.body());
        Map<String, List<String>> sent = new LinkedHashMap<>(stub.requests().get(before).params());
        assertEquals(List.of(ApiParticulierStub.RECIPIENT), sent.remove("recipient"));
        assertEquals(fixture.params(), sent);
    }

    /**
     * The adapter: each case's lookup, the expected values read from the payloads of the fixtures
     * the two calls meet (a call meeting no fixture gets the stub's "dossier absent" 404).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("expressibleFixtures")
    void theAdapterTranslatesTheFixture(Fixture fixture) {
        List<String> calls = new ArrayList<>();
        CafLookup lookup = new ApiParticulierCafData(client).lookup(fixture.civilStatus().orElseThrow(), calls::add);

        switch (fixture.status()) {
            case 200 -> {
                CafSituation situation = assertInstanceOf(CafLookup.Found.class, lookup).situation();
                assertEquals(new CafSituation(expectedBeneficiary(fixture, ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE),
                        expectedBeneficiary(fixture, ApiParticulierClient.PRIME_ACTIVITE)), situation);
            }
            case 404 -> assertEquals(new CafLookup.NotFound(), lookup);
            case 429 -> {
                CafLookup.Unavailable unavailable = assertInstanceOf(CafLookup.Unavailable.class, lookup);
                assertEquals(Failure.RATE_LIMITED, unavailable.failure());
                assertEquals(Duration.ofSeconds(30), unavailable.retryAfter());
            }
            default -> {
                CafLookup.Unavailable unavailable = assertInstanceOf(CafLookup.Unavailable.class, lookup);
                assertEquals(Failure.PROVIDER_DOWN, unavailable.failure());
                assertTrue(unavailable.reason().contains("HTTP " + fixture.status()), unavailable.reason());
                assertTrue(unavailable.reason().contains((String) fixture.firstError().get("code")), unavailable.reason());
                assertNull(unavailable.retryAfter());
            }
        }
        assertEquals("revenu_solidarite_active " + expectedStatus(fixture, ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE),
                calls.get(0));
    }

    @Test
    void fixturesCoverBothBenefitAnswers() {
        Set<Object> beneficiary = new HashSet<>();
        for (Fixture fixture : Fixtures.all()) {
            if (fixture.status() == 200) {
                beneficiary.add(fixture.data().get("est_beneficiaire"));
            }
        }
        assertEquals(Set.of(true, false), beneficiary);
    }

    private static boolean expectedBeneficiary(Fixture fixture, String endpoint) {
        return counterpart(fixture, endpoint).filter(f -> f.status() == 200)
                .map(f -> (Boolean) f.data().get("est_beneficiaire")).orElse(false);
    }

    private static int expectedStatus(Fixture fixture, String endpoint) {
        return counterpart(fixture, endpoint).map(Fixture::status).orElse(404);
    }

    /** The fixture of {@code endpoint} the adapter's call meets for the case of {@code fixture}. */
    private static Optional<Fixture> counterpart(Fixture fixture, String endpoint) {
        return Fixtures.matching(endpoint, fixture.params());
    }
}
