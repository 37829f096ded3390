package fr.repere.caf.apiparticulier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.caf.apiparticulier.ApiParticulierMapper.ApiError;
import fr.repere.caf.apiparticulier.ApiParticulierMapper.MalformedPayloadException;
import fr.repere.caf.apiparticulier.Fixtures.Fixture;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Payloads to the one boolean Repère keeps, expected values read from the fixtures by SnakeYAML. */
class ApiParticulierMapperTest {

    static Stream<Fixture> benefitAnswers() {
        return Fixtures.all().stream().filter(f -> f.status() == 200);
    }

    static Stream<Fixture> errorAnswers() {
        return Fixtures.all().stream().filter(f -> f.status() != 200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benefitAnswers")
    void beneficiaryAsInTheFixture(Fixture fixture) throws Exception {
        assertEquals(fixture.data().get("est_beneficiaire"), ApiParticulierMapper.beneficiary(fixture.payload()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorAnswers")
    void errorAnswersGiveTheirCodeNotABenefit(Fixture fixture) {
        Optional<ApiError> error = ApiParticulierMapper.firstError(fixture.payload());
        assertEquals(Optional.of(new ApiError((String) fixture.firstError().get("code"), null)), error);
        assertThrows(MalformedPayloadException.class, () -> ApiParticulierMapper.beneficiary(fixture.payload()));
    }

    /** Only {@code est_beneficiaire} is read: no other field, whatever its value or format, makes an answer unreadable. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"data\":{\"est_beneficiaire\":true,\"avec_majoration\":true,\"date_debut_droit\":\"01/03/2021\"}}",
            "{\"data\":{\"est_beneficiaire\":true,\"avec_majoration\":false,\"date_debut_droit\":\"2021-03-01T00:00:00+01:00\"}}",
            "{\"data\":{\"est_beneficiaire\":true,\"avec_majoration\":null,\"date_debut_droit\":null}}",
            "{\"data\":{\"est_beneficiaire\":true}}",
            "{\"data\":{\"est_beneficiaire\":true,\"avec_majoration\":\"true\",\"date_debut_droit\":20210301}}",
            "{\"data\":{\"est_beneficiaire\":true,\"avec_majoration\":1,\"date_debut_droit\":\"2021-02-30\"}}",
            "{\"data\":{\"est_beneficiaire\":true,\"montant\":\"550.93\",\"foyer\":{\"enfants\":[null,{}]},\"x\":[]}}",
            "{\"data\":{\"est_beneficiaire\":true,\"date_debut_droit\":{\"jour\":1}},\"links\":null,\"meta\":\"none\"}",
            "{\"data\":{\"est_beneficiaire\":true},\"links\":{},\"meta\":{},\"errors\":[]}"})
    void everyOtherFieldIsIgnored(String body) throws Exception {
        assertTrue(ApiParticulierMapper.beneficiary(body));
        assertFalse(ApiParticulierMapper.beneficiary(body.replace("\"est_beneficiaire\":true", "\"est_beneficiaire\":false")));
    }

    /** {@code data.est_beneficiaire} must be a JSON boolean. */
    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "not json",
            "<html><body>Service Unavailable</body></html>",
            "[]",
            "{}",
            "{\"data\":null}",
            "{\"data\":[]}",
            "{\"data\":{}}",
            "{\"data\":{\"avec_majoration\":null,\"date_debut_droit\":null}}",
            "{\"data\":{\"est_beneficiaire\":\"true\"}}",
            "{\"data\":{\"est_beneficiaire\":\"oui\"}}",
            "{\"data\":{\"est_beneficiaire\":null}}",
            "{\"data\":{\"est_beneficiaire\":1}}",
            "{\"data\":{\"est_beneficiaire\":[true]}}",
            "{\"est_beneficiaire\":true}",
            "{\"data\":{\"est_beneficiaire\":true}",
            "{\"data\":{\"est_beneficiaire\":true,\"x\":[{",
            "{\"data\":{\"est_beneficiaire\":true}} trailing",
            "{\"data\":{\"est_beneficiaire\":false,\"est_beneficiaire\":true}}",
            "{\"data\":{\"est_beneficiaire\":true},\"data\":{\"est_beneficiaire\":false}}"})
    void theBeneficiaryFlagMustBeABoolean(String body) {
        // preemptive: Parsson's skipObject() once looped for ever on a truncated body. A guard against a loop for ever
        // (a minute: it fails instead of hanging the build), not a speed limit
        assertTimeoutPreemptively(Duration.ofMinutes(1),
                () -> assertThrows(MalformedPayloadException.class, () -> ApiParticulierMapper.beneficiary(body)));
    }

    @Test
    void aDeeplyNestedBodyIsRefusedWithoutOverflowingTheStack() {
        String deep = "{\"data\":{\"est_beneficiaire\":true,\"x\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}}";
        // a MalformedPayloadException, not a StackOverflowError; the minute is a guard against a loop for ever, not a speed limit
        assertTimeoutPreemptively(Duration.ofMinutes(1),
                () -> assertThrows(MalformedPayloadException.class, () -> ApiParticulierMapper.beneficiary(deep)));
    }

    @Test
    void malformedMessagesDoNotQuoteThePayload() {
        MalformedPayloadException e = assertThrows(MalformedPayloadException.class,
                () -> ApiParticulierMapper.beneficiary("{\"data\":{\"est_beneficiaire\":\"DUPONT JEAN\"}}"));
        assertFalse(e.getMessage().contains("DUPONT"));
    }

    @Test
    void retryInOfAnErrorAnswer() {
        String networkError = """
                {"errors":[{"code":"00501","title":"Erreur réseau","detail":"…","source":null,"meta":{"retry_in":10}}]}""";
        assertEquals(new ApiError("00501", Duration.ofSeconds(10)), ApiParticulierMapper.firstError(networkError).orElseThrow());
        assertNull(ApiParticulierMapper.firstError("""
                {"errors":[{"code":"00501","meta":{"retry_in":-1}}]}""").orElseThrow().retryIn());
        assertNull(ApiParticulierMapper.firstError("""
                {"errors":[{"code":"00501","meta":{"retry_in":1e30}}]}""").orElseThrow().retryIn());
        assertEquals(Optional.empty(), ApiParticulierMapper.firstError("<html>502 Bad Gateway</html>"));
        assertEquals(Optional.empty(), ApiParticulierMapper.firstError(null));
        assertEquals(Optional.empty(), ApiParticulierMapper.firstError("{\"errors\":[]}"));
    }

    /** Only a code shaped as API Particulier's ({@code [0-9A-Za-z]{1,10}}) is kept; nothing else of an error. */
    @ParameterizedTest
    @ValueSource(strings = {"", "DUPONT Jean", "1980-01-01", "00366 ", "12345678901", "é0001", "00366\\n", "<b>1</b>"})
    void anErrorCodeOfAnotherShapeIsDropped(String code) {
        String body = "{\"errors\":[{\"code\":\"" + code + "\",\"title\":\"DUPONT Jean né le 1980-01-01\","
                + "\"detail\":\"DUPONT Jean\",\"meta\":{}}]}";
        assertEquals(Optional.of(new ApiError(null, null)), ApiParticulierMapper.firstError(body));
    }

    @Test
    void theErrorKeepsNoTextOfTheProvider() {
        String body = """
                {"errors":[{"code":"00366","title":"DUPONT Jean né le 1980-01-01","detail":"DUPONT Jean","meta":{}}]}""";
        ApiError error = ApiParticulierMapper.firstError(body).orElseThrow();
        assertEquals("00366", error.code());
        assertFalse(error.toString().contains("DUPONT") || error.toString().contains("1980"), error.toString());
        assertEquals(2, ApiError.class.getRecordComponents().length, "code and retryIn, no title nor detail");
    }
}
