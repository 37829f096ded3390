package fr.repere.caf.apiparticulier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.caf.CafLookup;
import fr.repere.caf.CafSituation;
import fr.repere.caf.CafSituation.Benefit;
import fr.repere.caf.CafSituation.Provider;
import fr.repere.caf.CafSituation.QuotientFamilial;
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
import java.time.LocalDate;
import java.time.YearMonth;
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
    void allFixturesOfTheThreeEndpointsAreCopied() {
        assertEquals(Map.of(ApiParticulierClient.QUOTIENT_FAMILIAL, 27, ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, 7,
                        ApiParticulierClient.PRIME_ACTIVITE, 7),
                Map.of(ApiParticulierClient.QUOTIENT_FAMILIAL, Fixtures.of(ApiParticulierClient.QUOTIENT_FAMILIAL).size(),
                        ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, Fixtures.of(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE).size(),
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

        Reply reply = switch (fixture.endpoint()) {
            case ApiParticulierClient.QUOTIENT_FAMILIAL -> client.quotientFamilial(person, fixture.period());
            case ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE -> client.revenuSolidariteActive(person);
            default -> client.primeActivite(person);
        };

        assertEquals(fixture.status(), reply.status());
        assertEquals(fixture.payload(), reply.body());
        Map<String, List<String>> sent = new LinkedHashMap<>(stub.requests().get(before).params());
        assertEquals(List.of(ApiParticulierStub.RECIPIENT), sent.remove("recipient"));
        assertEquals(fixture.params(), sent);
    }

    /**
     * The adapter: each case's lookup, the expected values read from the payloads of the fixtures
     * the three calls meet (a call meeting no fixture gets the stub's 404).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("expressibleFixtures")
    void theAdapterTranslatesTheFixture(Fixture fixture) {
        CafLookup lookup = new ApiParticulierCafData(client).lookup(fixture.civilStatus().orElseThrow(), fixture.period());

        switch (fixture.status()) {
            case 200 -> {
                CafSituation situation = assertInstanceOf(CafLookup.Found.class, lookup).situation();
                assertEquals(expectedSituation(fixture), situation);
                assertEquals(expectedBeneficiary(fixture, ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE)
                                || expectedBeneficiary(fixture, ApiParticulierClient.PRIME_ACTIVITE),
                        situation.hasQuarterlyDeclarations());
            }
            case 404 -> assertEquals(new CafLookup.NotFound(), lookup);
            case 429 -> assertEquals(Duration.ofSeconds(30), assertInstanceOf(CafLookup.Unavailable.class, lookup).retryAfter());
            default -> {
                CafLookup.Unavailable unavailable = assertInstanceOf(CafLookup.Unavailable.class, lookup);
                assertTrue(unavailable.reason().contains(String.valueOf(fixture.status())), unavailable.reason());
                assertTrue(unavailable.reason().contains((String) fixture.firstError().get("code")), unavailable.reason());
                assertNull(unavailable.retryAfter());
            }
        }
    }

    @Test
    void fixturesCoverBothProvidersAndBothBenefitAnswers() {
        Set<Object> providers = new HashSet<>();
        Set<Object> beneficiary = new HashSet<>();
        for (Fixture fixture : Fixtures.all()) {
            if (fixture.status() == 200 && fixture.endpoint().equals(ApiParticulierClient.QUOTIENT_FAMILIAL)) {
                providers.add(qfTree(fixture).get("fournisseur"));
            } else if (fixture.status() == 200) {
                beneficiary.add(fixture.data().get("est_beneficiaire"));
            }
        }
        assertEquals(Set.of("CNAF", "MSA"), providers);
        assertEquals(Set.of(true, false), beneficiary);
    }

    private static CafSituation expectedSituation(Fixture fixture) {
        QuotientFamilial qf = counterpart(fixture, ApiParticulierClient.QUOTIENT_FAMILIAL)
                .filter(f -> f.status() == 200)
                .map(f -> {
                    Map<String, Object> tree = qfTree(f);
                    return new QuotientFamilial((Integer) tree.get("valeur"), Provider.valueOf((String) tree.get("fournisseur")),
                            YearMonth.of((Integer) tree.get("annee"), (Integer) tree.get("mois")));
                })
                .orElse(null);
        return new CafSituation(qf, expectedBenefit(fixture, ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE),
                expectedBenefit(fixture, ApiParticulierClient.PRIME_ACTIVITE));
    }

    private static Benefit expectedBenefit(Fixture fixture, String endpoint) {
        return counterpart(fixture, endpoint).filter(f -> f.status() == 200).map(f -> {
            Object start = f.data().get("date_debut_droit");
            return new Benefit((Boolean) f.data().get("est_beneficiaire"), start == null ? null : LocalDate.parse((String) start));
        }).orElse(Benefit.NONE);
    }

    private static boolean expectedBeneficiary(Fixture fixture, String endpoint) {
        return counterpart(fixture, endpoint).filter(f -> f.status() == 200)
                .map(f -> (Boolean) f.data().get("est_beneficiaire")).orElse(false);
    }

    /** The fixture of {@code endpoint} the adapter's call meets for the case of {@code fixture}. */
    private static Optional<Fixture> counterpart(Fixture fixture, String endpoint) {
        Map<String, List<String>> params = new LinkedHashMap<>(fixture.params());
        if (!endpoint.equals(ApiParticulierClient.QUOTIENT_FAMILIAL)) {
            params.remove("annee");
            params.remove("mois");
        }
        return Fixtures.matching(endpoint, params);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> qfTree(Fixture fixture) {
        return (Map<String, Object>) fixture.data().get("quotient_familial");
    }
}
