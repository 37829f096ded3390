package fr.repere.caf.apiparticulier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.caf.CivilStatus;
import fr.repere.caf.apiparticulier.ApiParticulierStub.Recorded;
import fr.repere.caf.apiparticulier.Fixtures.Fixture;
import fr.repere.caf.apiparticulier.OpenApiDescription.Parameter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The requests the client sends, and the fields the mapper reads, against the OpenAPI description
 * of API Particulier v3 (test copy); the staging fixtures against the same description.
 */
class OpenApiContractTest {

    private static final OpenApiDescription OPENAPI = OpenApiDescription.load();
    private static final List<String> ENDPOINTS = List.of(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE,
            ApiParticulierClient.PRIME_ACTIVITE);

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

    private static Recorded send(String endpoint, CivilStatus person) throws Exception {
        int before = stub.requests().size();
        if (endpoint.equals(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE)) {
            client.revenuSolidariteActive(person);
        } else {
            client.primeActivite(person);
        }
        return stub.requests().get(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, ApiParticulierClient.PRIME_ACTIVITE})
    void everyRequestFollowsTheDescription(String endpoint) throws Exception {
        for (CivilStatus person : List.of(ApiParticulierClientTest.FULL, ApiParticulierClientTest.BORN_ABROAD)) {
            Recorded request = send(endpoint, person);
            assertEquals(List.of(), OPENAPI.violations(endpoint, request), endpoint);
            for (Parameter required : OPENAPI.queryParameters(endpoint)) {
                if (required.required()) {
                    assertTrue(request.params().containsKey(required.name()), required.name());
                }
            }
            assertEquals("Bearer " + ApiParticulierStub.TOKEN, request.header("Authorization").orElseThrow());
        }
    }

    @Test
    void theRequiredParametersAreTheOnesExpected() {
        for (String endpoint : ENDPOINTS) {
            assertEquals(Set.of("recipient", "nomNaissance", "prenoms[]", "sexeEtatCivil", "codeCogInseePaysNaissance"),
                    OPENAPI.queryParameters(endpoint).stream().filter(Parameter::required).map(Parameter::name)
                            .collect(Collectors.toSet()), endpoint);
        }
    }

    @Test
    void theClientUsesTheCogCodeOptionForTheBirthPlace() {
        Set<String> sent = new TreeSet<>();
        stub.requests().forEach(r -> sent.addAll(r.params().keySet()));
        for (String endpoint : ENDPOINTS) {
            Set<String> declared = OPENAPI.queryParameters(endpoint).stream().map(Parameter::name).collect(Collectors.toSet());
            Set<String> unused = new TreeSet<>(declared);
            unused.removeAll(sent);
            assertEquals(Set.of("nomCommuneNaissance", "codeCogInseeDepartementNaissance"), unused, endpoint);
        }
    }

    @Test
    void theOperationsAreSecuredByABearerToken() {
        @SuppressWarnings("unchecked")
        Map<String, Object> scheme = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                OPENAPI.root().get("components")).get("securitySchemes")).get("jwt_bearer_token");
        assertEquals("http", scheme.get("type"));
        assertEquals("bearer", scheme.get("scheme"));
        for (String endpoint : ENDPOINTS) {
            assertEquals(List.of(Map.of("jwt_bearer_token", List.of())), OPENAPI.get(endpoint).get("security"));
        }
    }

    /** The checker is no rubber stamp: each of these requests breaks the description. */
    @Test
    void theCheckerSeesBrokenRequests() throws Exception {
        Recorded good = send(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, ApiParticulierClientTest.FULL);
        assertEquals(List.of(), OPENAPI.violations(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, good));

        Map<String, Consumer<Map<String, List<String>>>> breakages = Map.of(
                "missing required recipient", p -> p.remove("recipient"),
                "undeclared query parameter prenoms | missing required prenoms[]", p -> p.put("prenoms", p.remove("prenoms[]")),
                "prenoms[]: 4 items, expected 1..3", p -> p.put("prenoms[]", List.of("A", "B", "C", "D")),
                "sexeEtatCivil: not one of [M, F]", p -> p.put("sexeEtatCivil", List.of("X")),
                "codeCogInseePaysNaissance: shorter than 5", p -> p.put("codeCogInseePaysNaissance", List.of("991")),
                "anneeDateNaissance: not an integer", p -> p.put("anneeDateNaissance", List.of("1990-03-08")),
                "nomNaissance repeated", p -> p.put("nomNaissance", List.of("A", "B")),
                "undeclared query parameter anneeDateDaissance", p -> p.put("anneeDateDaissance", List.of("1990")));
        breakages.forEach((expected, breakage) -> {
            Map<String, List<String>> params = new HashMap<>(good.params());
            breakage.accept(params);
            Recorded broken = new Recorded("GET", good.path(), good.rawQuery(), params, good.headers());
            assertEquals(List.of(expected.split(" \\| ")), OPENAPI.violations(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, broken));
        });

        Recorded noToken = new Recorded("GET", good.path(), good.rawQuery(), good.params(), Map.of());
        assertEquals(List.of("no bearer token in Authorization"), OPENAPI.violations(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, noToken));
        Recorded post = new Recorded("POST", good.path(), good.rawQuery(), good.params(), good.headers());
        assertEquals(List.of("method POST"), OPENAPI.violations(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, post));
    }

    /** The one field the mapper reads exists in both answers, is required and is a non-nullable boolean. */
    @Test
    @SuppressWarnings("unchecked")
    void theFieldReadIsInTheAnswerSchemas() {
        for (String endpoint : ENDPOINTS) {
            Map<String, Object> benefit = OPENAPI.okDataSchema(endpoint);
            assertTrue(((List<String>) benefit.get("required")).contains("est_beneficiaire"), endpoint);
            Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) benefit.get("properties");
            assertEquals("boolean", fields.get("est_beneficiaire").get("type"));
            assertFalse(Boolean.TRUE.equals(fields.get("est_beneficiaire").get("nullable")));
        }
    }

    /**
     * The "no file" codes of {@link ReplyMeaning#NO_FILE_CODES} against the documented 404s: 10003
     * and 23003 are documented "dossier absent" answers of both endpoints, 35003 is documented with
     * two meanings (one of them « Erreur inattendue ») and is not a "no file" code, 37003 is the
     * code of the staging 404s. A new 404 code in a refreshed description makes this test fail.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theNoFileCodesAreTheDocumentedDossierAbsentOnes() {
        for (String endpoint : ENDPOINTS) {
            Map<String, Object> notFound = (Map<String, Object>) ((Map<String, Object>) OPENAPI.get(endpoint).get("responses")).get("404");
            Map<String, Map<String, Object>> examples = (Map<String, Map<String, Object>>)
                    ((Map<String, Object>) ((Map<String, Object>) notFound.get("content")).get("application/json")).get("examples");
            Map<String, Set<String>> titlesByCode = new HashMap<>();
            for (Map<String, Object> example : examples.values()) {
                Map<String, Object> error = ((List<Map<String, Object>>) ((Map<String, Object>) example.get("value")).get("errors")).get(0);
                titlesByCode.computeIfAbsent((String) error.get("code"), c -> new TreeSet<>()).add((String) error.get("title"));
            }
            assertEquals(Map.of("10003", Set.of("Dossier allocataire absent MSA"),
                    "23003", Set.of("Dossier allocataire absent CNAF"),
                    "35003", Set.of("Allocataire non référencé", "Erreur inattendue")), titlesByCode, endpoint);
        }
        assertEquals(Set.of("10003", "23003", "37003"), ReplyMeaning.NO_FILE_CODES);
        for (Fixture fixture : Fixtures.all()) {
            if (fixture.status() == 404) {
                assertTrue(ReplyMeaning.NO_FILE_CODES.contains((String) fixture.firstError().get("code")), fixture.toString());
            }
        }
    }

    /**
     * The staging fixtures against the description. Their known deviations are listed here on
     * purpose: a refreshed copy that fixes or adds one makes this test fail, to be looked at.
     */
    @Test
    void theFixturesDeviateOnlyAsKnown() {
        Set<String> deviations = new TreeSet<>();
        for (Fixture fixture : Fixtures.all()) {
            List<Parameter> declared = OPENAPI.queryParameters(fixture.endpoint());
            for (String raw : fixture.rawParams().keySet()) {
                String name = raw.equals("prenoms") ? "prenoms[]" : raw;
                if (declared.stream().noneMatch(p -> p.name().equals(name))) {
                    deviations.add(fixture + ": undeclared " + raw);
                }
            }
            for (Parameter parameter : declared) {
                if (parameter.required() && !parameter.name().equals("recipient") && !fixture.params().containsKey(parameter.name())) {
                    deviations.add(fixture + ": missing required " + parameter.name());
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        for (String file : List.of("404.yaml", "429.yaml", "502.yaml", "504.yaml")) {
            for (String typo : Fixtures.KNOWN_TYPOS.keySet()) {
                expected.add("revenu_solidarite_active_with_civility/" + file + ": undeclared " + typo);
            }
        }
        assertEquals(expected, deviations);
    }

    @Test
    void theServersAreTheOnesConfigured() {
        assertEquals(List.of("https://particulier.api.gouv.fr", "https://staging.particulier.api.gouv.fr"),
                ((List<Map<String, Object>>) OPENAPI.root().get("servers")).stream().map(s -> s.get("url")).toList());
    }
}
