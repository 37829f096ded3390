package fr.repere.statistics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.repere.statistics.Cell;
import fr.repere.statistics.Publication;
import fr.repere.statistics.PublishedRow;
import fr.repere.statistics.PublishedTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SXSSF keeps streamed rows in temporary files: they must be gone after the export, whether it
 * succeeded, the output stream failed half-way, or the rows themselves failed. POI is pointed at a
 * directory of this test only, and the test first sees the files appear during the export (so an
 * empty directory at the end means something).
 */
class TemporaryFilesTest {

    private static final int ROWS = 20_000;

    @TempDir
    Path temporary;

    @BeforeEach
    void pointPoiAtTheTestDirectory() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(temporary.toFile()));
    }

    @AfterEach
    void restorePoiDefaults() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }

    @Test
    void noTemporaryFileIsLeftAfterASuccessfulExport() throws Exception {
        List<String> seenDuringExport = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StatisticsWorkbook.write(publication(ROWS, -1), out, watch(seenDuringExport));
        assertTrue(out.size() > 0);
        assertTrue(seenDuringExport.stream().anyMatch(f -> f.startsWith("poi-sxssf-sheet")),
                "the export used the test's directory: " + seenDuringExport);
        assertEquals(List.of(), files());
    }

    @Test
    void noTemporaryFileIsLeftWhenTheOutputFailsHalfWay() throws Exception {
        List<String> seenDuringExport = new ArrayList<>();
        OutputStream failing = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 50_000) {
                    throw new IOException("client went away");
                }
            }
        };
        IOException failure = assertThrows(IOException.class,
                () -> StatisticsWorkbook.write(publication(ROWS, -1), failing, watch(seenDuringExport)));
        assertEquals("client went away", failure.getMessage());
        assertFalse(seenDuringExport.isEmpty());
        assertEquals(List.of(), files());
    }

    @Test
    void noTemporaryFileIsLeftWhenReadingTheRowsFails() throws Exception {
        List<String> seenDuringExport = new ArrayList<>();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> StatisticsWorkbook.write(publication(ROWS, ROWS / 2), new ByteArrayOutputStream(),
                        watch(seenDuringExport)));
        assertEquals("database went away", failure.getMessage());
        assertFalse(seenDuringExport.isEmpty());
        assertEquals(List.of(), files());
    }

    /** Records the directory's files when a tenth of the rows are written. */
    private IntConsumer watch(List<String> seen) {
        return percent -> {
            if (percent == 10) {
                seen.addAll(files());
            }
        };
    }

    private List<String> files() {
        try (Stream<Path> all = Files.walk(temporary)) {
            return all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two lazy tables of {@code rows} lines; reading line {@code failAt} throws (−1: never). */
    private static Publication publication(int rows, int failAt) {
        List<PublishedRow> lazy = new AbstractList<>() {
            @Override
            public PublishedRow get(int i) {
                if (i == failAt) {
                    throw new IllegalStateException("database went away");
                }
                return new PublishedRow("C" + i, "Commune " + i, List.of(Cell.of(i % 500 + 20),
                        Cell.suppressed(Cell.Suppression.PRIMARY)), Cell.suppressed(Cell.Suppression.SECONDARY));
            }

            @Override
            public int size() {
                return rows;
            }
        };
        PublishedRow total = new PublishedRow("TOTAL", "Total", List.of(Cell.of(1_000_000), Cell.of(30_000)),
                Cell.of(1_030_000));
        List<PublishedTable> tables = new ArrayList<>();
        for (String key : List.of("orientation", "niveaux")) {
            tables.add(new PublishedTable(key, "Tableau " + key, "Commune", List.of("A", "B"),
                    List.of("Colonne A", "Colonne B"), lazy, total, "Définition."));
        }
        return new Publication(GeneratedPublications.methodology(0), tables); // lazy rows: never read twice, not counted
    }
}
