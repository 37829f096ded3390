package fr.repere.territory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeographyTest {

    private static final Geography GEOGRAPHY = Geography.shipped();

    @Test
    void aCommuneKnowsItsEpciAndDepartement() {
        Commune lille = GEOGRAPHY.commune("59350").orElseThrow();
        assertEquals("Lille", lille.nom());
        assertEquals("200093201", lille.epci().code());
        assertEquals("Métropole Européenne de Lille", lille.epci().nom());
        assertEquals("Nord", lille.departement().nom());
        assertTrue(lille.codesPostaux().contains("59000"));
        assertTrue(GEOGRAPHY.communeCount() > 34_000, "every current commune");
    }

    @Test
    void corsicaAndOverseasCodesAreKnown() {
        assertEquals("Ajaccio", GEOGRAPHY.commune("2A004").orElseThrow().nom());
        assertEquals("974", GEOGRAPHY.commune("97411").orElseThrow().departement().code());
    }

    @Test
    void aMunicipalArrondissementOrAFormerCommuneLeadsToTheCurrentCommune() {
        assertEquals("75056", GEOGRAPHY.commune("75115").orElseThrow().code());
        assertEquals("59350", GEOGRAPHY.commune("59355").orElseThrow().code(), "Lomme, associated with Lille");
    }

    @Test
    void unknownCodesAreNotCommunes() {
        assertTrue(GEOGRAPHY.commune("59000").isEmpty(), "a postal code is not an INSEE code");
        assertTrue(GEOGRAPHY.commune("99999").isEmpty());
    }

    @Test
    void searchByNameIgnoresCaseAndAccentsAndByPostalCode() {
        assertEquals("59009", GEOGRAPHY.search("villeneuve d'ascq", 5).get(0).code());
        assertEquals("Armentières", GEOGRAPHY.search("ARMENTIERES", 5).get(0).nom());
        assertTrue(GEOGRAPHY.search("59100", 5).stream().anyMatch(c -> c.code().equals("59512")), "Roubaix by postal code");
        assertEquals("59350", GEOGRAPHY.search("59350", 5).get(0).code(), "by INSEE code first");
        assertTrue(GEOGRAPHY.search("", 5).isEmpty());
    }

    @Test
    void proximityGoesCommuneThenEpciThenDepartement() {
        Territory lille = GEOGRAPHY.commune("59350").orElseThrow().territory();
        assertEquals(Territory.Proximity.COMMUNE, lille.proximityOf(lille));
        assertEquals(Territory.Proximity.EPCI, lille.proximityOf(GEOGRAPHY.commune("59512").orElseThrow().territory()));
        assertEquals(Territory.Proximity.DEPARTEMENT, lille.proximityOf(GEOGRAPHY.commune("59183").orElseThrow().territory()));
        assertEquals(Territory.Proximity.ELSEWHERE, lille.proximityOf(GEOGRAPHY.commune("62041").orElseThrow().territory()));
    }
}
