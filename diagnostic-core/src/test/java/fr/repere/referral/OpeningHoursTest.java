package fr.repere.referral;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpeningHoursTest {

    @Test
    void theSchemasExampleReadsInFrench() {
        assertEquals(Optional.of(List.of("du lundi au vendredi de 9 h à 12 h et de 14 h à 18 h 30",
                        "le samedi de 8 h 30 à 12 h")),
                OpeningHours.inFrench("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00"));
    }

    @Test
    void listsOfDaysClosedDaysAndHolidays() {
        assertEquals(Optional.of(List.of("le lundi, le mercredi et du vendredi au samedi de 10 h à 17 h",
                        "le dimanche fermé", "fermé les jours fériés")),
                OpeningHours.inFrench("Mo,We,Fr-Sa 10:00-17:00; Su off; PH off"));
        assertEquals(Optional.of(List.of("tous les jours, 24 h sur 24")), OpeningHours.inFrench("24/7"));
    }

    @Test
    void whatItDoesNotKnowIsNotGuessed() {
        assertEquals(Optional.empty(), OpeningHours.inFrench("Mo-Fr 09:00-12:00; Jan 01 off"));
        assertEquals(Optional.empty(), OpeningHours.inFrench("sunrise-sunset"));
        assertEquals(Optional.empty(), OpeningHours.inFrench("Fr-Mo 09:00-12:00"));
        assertEquals(Optional.empty(), OpeningHours.inFrench(""));
        assertEquals(Optional.empty(), OpeningHours.inFrench(null));
    }
}
