package fr.repere.directory;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static fr.repere.directory.DirectorySearchTest.LILLE;
import static fr.repere.directory.DirectorySearchTest.ROUBAIX;
import static fr.repere.directory.DirectorySearchTest.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryImportingTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final DirectoryImporting importing = new DirectoryImporting(directory, Clock.fixed(NOW, ZoneOffset.UTC));

    private DirectoryImport started(String organisation) {
        DirectoryImport i = DirectoryImport.start("admin-1", organisation,
                new DirectoryFile.Encoding(StandardCharsets.UTF_8, false), 100, List.of(), false, NOW);
        importing.create(i);
        return i;
    }

    private static PlaceValidator.Result line(int n, PlaceData data, fr.repere.territory.Commune commune) {
        return new PlaceValidator.Result(n, data, commune, List.of());
    }

    @Test
    void aBatchAddsNewPlacesReplacesKnownOnesAndLeavesOtherOrganisationsAlone() {
        directory.organisations.put("team-admin", "org-1");
        assertEquals(Optional.of("org-1"), importing.organisationOf("team-admin"));
        directory.places.add(Place.of("org-1", data("same", LILLE, "Inchangé"), LILLE, NOW));
        directory.places.add(Place.of("org-1", data("moved", LILLE, "Déménagé"), LILLE, NOW));
        directory.places.add(Place.of("org-2", data("new", LILLE, "D'une autre organisation"), LILLE, NOW));
        DirectoryImport i = started("org-1");
        importing.checking(i.id(), 3);
        assertTrue(importing.checked(i.id(), new PlaceFileCheck.Outcome(3, 3, List.of(), 0)));

        importing.store(i.id(), List.of(line(2, data("same", LILLE, "Inchangé"), LILLE),
                line(3, data("moved", ROUBAIX, "Déménagé"), ROUBAIX), line(4, data("new", LILLE, "Nouveau"), LILLE)));
        importing.finish(i.id());

        assertEquals(1, i.placesCreated());
        assertEquals(1, i.placesUpdated());
        assertEquals(1, i.placesUnchanged());
        assertEquals("D'une autre organisation", directory.place("org-2", "new").orElseThrow().data().nom());
        assertEquals("Nouveau", directory.place("org-1", "new").orElseThrow().data().nom());
        assertEquals(ROUBAIX.code(), directory.place("org-1", "moved").orElseThrow().data().codeInsee());
        assertEquals(DirectoryImport.Status.DONE, i.status());
    }

    @Test
    void anImportIsReadInItsOrganisationOnlyAndAFailureIsRecorded() {
        DirectoryImport i = started("org-1");
        assertEquals(Optional.of(i), importing.find("org-1", i.id()));
        assertEquals(Optional.empty(), importing.find("org-2", i.id()));

        importing.fail(i.id(), "interrompu");
        assertEquals(DirectoryImport.Status.FAILED, i.status());
        assertThrows(IllegalStateException.class, () -> importing.finish("no-such-import"));
    }
}
