package fr.repere.caf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.caf.CivilStatus.BirthDate;
import fr.repere.caf.CivilStatus.Sexe;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fr.repere.caf domain types of diagnostic-core. (They are tested here because this change may
 * only add files under diagnostic-core/src/main; move to diagnostic-core/src/test when convenient.)
 */
class CafDomainTest {

    private static CivilStatus bornInFrance(String commune) {
        return new CivilStatus("LEFEBVRE", null, List.of("ALEXIS"), BirthDate.of(LocalDate.of(1982, 12, 27)),
                Sexe.F, "99100", commune);
    }

    @Test
    void aCompleteIdentityIsKeptAsTyped() {
        CivilStatus person = new CivilStatus(" Martin ", "DUPONT", List.of("Pierre", " Jean-Marie "),
                BirthDate.ofYearMonth(1987, 6), Sexe.M, "99100", "51108");
        assertEquals("Martin", person.nomNaissance());
        assertEquals("DUPONT", person.nomUsage());
        assertEquals(List.of("Pierre", "Jean-Marie"), person.prenoms());
        assertEquals(new BirthDate(1987, 6, null), person.birthDate());
        assertTrue(person.bornInFrance());
    }

    @Test
    void aPersonBornAbroadHasNoBirthCommune() {
        CivilStatus person = new CivilStatus("SIMPSON", null, List.of("Marge"), BirthDate.ofYear(1980), Sexe.F, "99404", null);
        assertFalse(person.bornInFrance());
        assertThrows(IllegalArgumentException.class,
                () -> new CivilStatus("SIMPSON", null, List.of("Marge"), null, Sexe.F, "99404", "08480"));
    }

    @ParameterizedTest
    @CsvSource({"08480", "2A004", "2B033", "97411", "00404"})
    void birthCommunesInFranceAreCogCodes(String commune) {
        assertEquals(commune, bornInFrance(commune).codeCogInseeCommuneNaissance());
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "8480", "084800", "2C004", "0848A", "ab123"}, nullValues = "NULL")
    void aPersonBornInFranceNeedsAValidBirthCommune(String commune) {
        assertThrows(IllegalArgumentException.class, () -> bornInFrance(commune));
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "9910", "991000", "12345", "99A00"}, nullValues = "NULL")
    void theBirthCountryIsA99CogCode(String pays) {
        assertThrows(IllegalArgumentException.class,
                () -> new CivilStatus("X", null, List.of("Y"), null, Sexe.M, pays, null));
    }

    @Test
    void oneToThreeFirstNames() {
        List<String> four = List.of("A", "B", "C", "D");
        assertThrows(IllegalArgumentException.class,
                () -> new CivilStatus("X", null, List.of(), null, Sexe.M, "99350", null));
        assertThrows(IllegalArgumentException.class,
                () -> new CivilStatus("X", null, four, null, Sexe.M, "99350", null));
        assertThrows(IllegalArgumentException.class,
                () -> new CivilStatus("X", null, List.of("A", " "), null, Sexe.M, "99350", null));
        assertEquals(3, new CivilStatus("X", null, four.subList(0, 3), null, Sexe.M, "99350", null).prenoms().size());
    }

    @Test
    void theFirstNamesCannotBeChangedAfterwards() {
        List<String> prenoms = new ArrayList<>(List.of("EYMEN"));
        CivilStatus person = new CivilStatus("FAKIR", null, prenoms, null, Sexe.M, "99350", null);
        prenoms.add("MOHAMED");
        assertEquals(List.of("EYMEN"), person.prenoms());
        assertThrows(UnsupportedOperationException.class, () -> person.prenoms().add("X"));
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "''", "'   '", "1234", "'A\nB'"}, nullValues = "NULL")
    void aBirthNameHasLettersAndNoControlCharacter(String name) {
        assertThrows(IllegalArgumentException.class,
                () -> new CivilStatus(name, null, List.of("Y"), null, Sexe.M, "99350", null));
    }

    @Test
    void aNameInUseEqualToTheBirthNameIsNone() {
        assertNull(new CivilStatus("Dupont", "DUPONT", List.of("A"), null, Sexe.F, "99350", null).nomUsage());
        assertNull(new CivilStatus("Dupont", "  ", List.of("A"), null, Sexe.F, "99350", null).nomUsage());
    }

    @Test
    void sexIsRequired() {
        assertThrows(NullPointerException.class,
                () -> new CivilStatus("X", null, List.of("Y"), null, null, "99350", null));
    }

    @Test
    void validationMessagesAndToStringDoNotRevealTheIdentity() {
        CivilStatus person = bornInFrance("08480");
        assertFalse(person.toString().contains("LEFEBVRE"));
        assertFalse(person.toString().contains("ALEXIS"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bornInFrance("SECRET"));
        assertFalse(e.getMessage().contains("SECRET"));
    }

    @Test
    void birthDatesMayBePartialButNotImpossible() {
        assertFalse(BirthDate.ofYear(1982).complete());
        assertTrue(BirthDate.of(LocalDate.of(2000, 2, 29)).complete());
        assertThrows(IllegalArgumentException.class, () -> new BirthDate(1982, null, 27));
        assertThrows(IllegalArgumentException.class, () -> new BirthDate(1982, 13, null));
        assertThrows(IllegalArgumentException.class, () -> new BirthDate(1982, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new BirthDate(2001, 2, 29));
        assertThrows(IllegalArgumentException.class, () -> new BirthDate(1700, null, null));
        assertThrows(IllegalArgumentException.class, () -> BirthDate.of(LocalDate.now().plusDays(1)));
    }

    @ParameterizedTest(name = "RSA {0}, prime d''activité {1} -> quarterly declarations {2}")
    @CsvSource({"false,false,false", "true,false,true", "false,true,true", "true,true,true"})
    void rsaOrPrimeActiviteBeneficiariesDeclareEveryQuarter(boolean rsa, boolean prime, boolean expected) {
        assertEquals(expected, new CafSituation(rsa, prime).hasQuarterlyDeclarations());
    }

    @Test
    void theSituationKeepsOnlyWhatTheRulesRead() {
        assertEquals(List.of("rsa", "primeActivite"),
                java.util.Arrays.stream(CafSituation.class.getRecordComponents()).map(c -> c.getName()).toList());
    }

    @Test
    void lookupResults() {
        assertEquals("aucun dossier trouvé", new CafLookup.NotFound().message());
        assertThrows(IllegalArgumentException.class, () -> new CafLookup.Unavailable(CafLookup.Failure.UNEXPECTED, " ", null));
        assertThrows(NullPointerException.class, () -> new CafLookup.Unavailable(null, "x", null));
        assertThrows(IllegalArgumentException.class,
                () -> new CafLookup.Unavailable(CafLookup.Failure.RATE_LIMITED, "x", Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> new CafLookup.Found(null));
        CafLookup lookup = new CafLookup.Unavailable(CafLookup.Failure.RATE_LIMITED, "x", Duration.ofSeconds(3));
        assertTrue(CafLookup.class.isSealed());
        assertEquals(3, CafLookup.class.getPermittedSubclasses().length);
        String described = lookup instanceof CafLookup.Unavailable u ? u.reason() : "?";
        assertEquals("x", described);
    }

    @Test
    void aReasonIsBoundedWhateverItsSource() {
        String reason = new CafLookup.Unavailable(CafLookup.Failure.UNEXPECTED, "x".repeat(10_000_000), null).reason();
        assertEquals(CafLookup.Unavailable.REASON_MAX, reason.length());
    }

    @Test
    void onlyTheProviderDownIsRetriedAndOnlyItAndRefusedAccessOpenTheCircuit() {
        List<CafLookup.Failure> retried = new ArrayList<>();
        List<CafLookup.Failure> counted = new ArrayList<>();
        for (CafLookup.Failure f : CafLookup.Failure.values()) {
            if (f.retriable()) {
                retried.add(f);
            }
            if (f.countsAgainstProvider()) {
                counted.add(f);
            }
        }
        assertEquals(List.of(CafLookup.Failure.PROVIDER_DOWN), retried);
        assertEquals(List.of(CafLookup.Failure.PROVIDER_DOWN, CafLookup.Failure.CONFIGURATION), counted);
    }
}
