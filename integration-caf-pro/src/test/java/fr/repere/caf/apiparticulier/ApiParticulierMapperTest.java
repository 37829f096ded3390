package fr.repere.caf.apiparticulier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.caf.CafSituation.Benefit;
import fr.repere.caf.CafSituation.QuotientFamilial;
import fr.repere.caf.apiparticulier.ApiParticulierMapper.ApiError;
import fr.repere.caf.apiparticulier.ApiParticulierMapper.MalformedPayloadException;
import fr.repere.caf.apiparticulier.Fixtures.Fixture;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Payloads to domain, expected values read from the fixtures by SnakeYAML. */
class ApiParticulierMapperTest {

    static Stream<Fixture> quotientFamilialAnswers() {
        return Fixtures.of(ApiParticulierClient.QUOTIENT_FAMILIAL).stream().filter(f -> f.status() == 200);
    }

    static Stream<Fixture> benefitAnswers() {
        return Stream.of(ApiParticulierClient.REVENU_SOLIDARITE_ACTIVE, ApiParticulierClient.PRIME_ACTIVITE)
                .flatMap(endpoint -> Fixtures.of(endpoint).stream()).filter(f -> f.status() == 200);
    }

    static Stream<Fixture> errorAnswers() {
        return Fixtures.all().stream().filter(f -> f.status() != 200);
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("quotientFamilialAnswers")
    void quotientFamilialAsInTheFixture(Fixture fixture) throws Exception {
        Map<String, Object> expected = (Map<String, Object>) fixture.data().get("quotient_familial");

        QuotientFamilial qf = ApiParticulierMapper.quotientFamilial(fixture.payload());

        assertEquals(expected.get("valeur"), qf.value());
        assertEquals(expected.get("fournisseur"), qf.provider().name());
        assertEquals(expected.get("annee"), qf.period().getYear());
        assertEquals(expected.get("mois"), qf.period().getMonthValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benefitAnswers")
    void benefitAsInTheFixture(Fixture fixture) throws Exception {
        Map<String, Object> expected = fixture.data();

        Benefit benefit = ApiParticulierMapper.benefit(fixture.payload());

        assertEquals(expected.get("est_beneficiaire"), benefit.beneficiary());
        Object start = expected.get("date_debut_droit");
        assertEquals(start == null ? null : LocalDate.parse((String) start), benefit.since());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorAnswers")
    void errorAnswersAreExplainedNotMapped(Fixture fixture) {
        Map<String, Object> expected = fixture.firstError();
        Optional<ApiError> error = ApiParticulierMapper.firstError(fixture.payload());
        assertTrue(error.isPresent());
        assertEquals(expected.get("code"), error.get().code());
        assertEquals(expected.get("title"), error.get().title());
        assertThrows(MalformedPayloadException.class, () -> ApiParticulierMapper.benefit(fixture.payload()));
        assertThrows(MalformedPayloadException.class, () -> ApiParticulierMapper.quotientFamilial(fixture.payload()));
    }

    @Test
    void retryInOfAnErrorAnswer() {
        String networkError = """
                {"errors":[{"code":"00501","title":"Erreur réseau","detail":"…","source":null,"meta":{"retry_in":10}}]}""";
        assertEquals(Duration.ofSeconds(10), ApiParticulierMapper.firstError(networkError).orElseThrow().retryIn());
        assertEquals(Optional.empty(), ApiParticulierMapper.firstError("<html>502 Bad Gateway</html>"));
        assertEquals(Optional.empty(), ApiParticulierMapper.firstError(null));
        assertEquals(Optional.empty(), ApiParticulierMapper.firstError("{\"errors\":[]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[]",
            "{}",
            "{\"data\":null}",
            "{\"data\":{}}",
            "{\"data\":{\"quotient_familial\":\"2550\"}}",
            "{\"data\":{\"quotient_familial\":{\"fournisseur\":\"CAF\",\"valeur\":2550,\"annee\":2023,\"mois\":6}}}",
            "{\"data\":{\"quotient_familial\":{\"fournisseur\":\"CNAF\",\"valeur\":\"2550\",\"annee\":2023,\"mois\":6}}}",
            "{\"data\":{\"quotient_familial\":{\"fournisseur\":\"CNAF\",\"valeur\":2550.5,\"annee\":2023,\"mois\":6}}}",
            "{\"data\":{\"quotient_familial\":{\"fournisseur\":\"CNAF\",\"valeur\":-1,\"annee\":2023,\"mois\":6}}}",
            "{\"data\":{\"quotient_familial\":{\"fournisseur\":\"CNAF\",\"valeur\":2550,\"annee\":2023,\"mois\":13}}}",
            "{\"data\":{\"quotient_familial\":{\"fournisseur\":\"CNAF\",\"valeur\":2550,\"annee\":2023}}}",
            "{\"data\":{\"quotient_familial\":{\"fournisseur\":\"MSA\",\"valeur\":99999999999,\"annee\":2023,\"mois\":6}}}",
            "{\"data\":{\"quotient_familial\":{\"fournisseur\":\"MSA\",\"valeur\":150,\"annee\":2023,\"mois\":6}"})
    void malformedQuotientFamilial(String body) {
        assertThrows(MalformedPayloadException.class, () -> ApiParticulierMapper.quotientFamilial(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"data\":{\"avec_majoration\":null,\"date_debut_droit\":null}}",
            "{\"data\":{\"est_beneficiaire\":\"true\",\"avec_majoration\":null,\"date_debut_droit\":null}}",
            "{\"data\":{\"est_beneficiaire\":null,\"avec_majoration\":null,\"date_debut_droit\":null}}",
            "{\"data\":{\"est_beneficiaire\":true,\"avec_majoration\":true}}",
            "{\"data\":{\"est_beneficiaire\":true,\"avec_majoration\":true,\"date_debut_droit\":\"20/11/1992\"}}",
            "{\"data\":{\"est_beneficiaire\":true,\"avec_majoration\":true,\"date_debut_droit\":19921120}}",
            "{\"data\":{\"est_beneficiaire\":false,\"avec_majoration\":null,\"date_debut_droit\":\"1992-11-20\"}}",
            "{\"est_beneficiaire\":true,\"date_debut_droit\":null}"})
    void malformedBenefit(String body) {
        assertThrows(MalformedPayloadException.class, () -> ApiParticulierMapper.benefit(body));
    }

    @Test
    void malformedMessagesDoNotQuoteThePayload() {
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
                () -> ApiParticulierMapper.quotientFamilial("{\"data\":{\"quotient_familial\":{\"fournisseur\":\"DUPONT JEAN\"}}}"));
        assertFalse(e.getMessage().contains("DUPONT"));
    }

    @Test
    void onlyTheQuotientFamilialIsRead() throws Exception {
        String withoutHousehold = """
                {"data":{"quotient_familial":{"fournisseur":"MSA","valeur":150,"annee":2023,"mois":5,
                "annee_calcul":2024,"mois_calcul":12}},"links":{},"meta":{}}""";
        assertEquals(150, ApiParticulierMapper.quotientFamilial(withoutHousehold).value());
    }
}
