package fr.repere.directory;

import fr.repere.territory.Geography;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaceFileCheckTest {

    private static final Geography GEOGRAPHY = Geography.shipped();
    private final PlaceFileCheck check = new PlaceFileCheck(new PlaceValidator(GEOGRAPHY));

    @TempDir
    Path dir;

    private PlaceFileCheck.Outcome check(Path file) throws IOException {
        return check.check(file, 1000, n -> { });
    }

    private static ImportProblem only(PlaceFileCheck.Outcome outcome) {
        assertEquals(1, outcome.firstProblems().size(), outcome.firstProblems().toString());
        return outcome.firstProblems().get(0);
    }

    @Test
    void aValidFileHasNoProblem() throws IOException {
        PlaceFileCheck.Outcome o = check(DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER,
                DirectoryFiles.simple("a", "59350", "59000", "Lille"), DirectoryFiles.simple("b", "59512", "59100", "Roubaix"))));
        assertEquals(2, o.lines());
        assertTrue(o.clean(), o.firstProblems().toString());
    }

    @Test
    void aVocabularyValueNotVerbatimIsReportedWithTheCloseValue() throws IOException {
        PlaceFileCheck.Outcome o = check(DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER,
                DirectoryFiles.line("a", "Lieu", "59350", "59000", "Lille", "50.6", "3.0", "Aide aux demarches administratives",
                        "", "Gratuit", "Accompagnement individuel"))));
        ImportProblem p = only(o);
        assertEquals(2, p.line());
        assertEquals("services", p.field());
        assertTrue(p.message().contains("Vouliez-vous dire « Aide aux démarches administratives » ?"), p.message());
    }

    @Test
    void anUnknownInseeCodeAndAPostalCodeInItsPlaceAreReported() throws IOException {
        PlaceFileCheck.Outcome o = check(DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER,
                DirectoryFiles.simple("a", "59999", "59000", "Lille"), DirectoryFiles.simple("b", "5900", "59000", "Lille"))));
        assertEquals(2, o.problemCount());
        assertEquals("code_insee", o.firstProblems().get(0).field());
        assertTrue(o.firstProblems().get(0).message().contains("aucune commune actuelle"));
        assertEquals(3, o.firstProblems().get(1).line());
    }

    @Test
    void aMissingInseeCodeIsFoundFromPostalCodeAndName() throws IOException {
        PlaceFileCheck.Outcome o = check(DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER,
                DirectoryFiles.simple("a", "", "59100", "ROUBAIX"))));
        assertTrue(o.clean(), o.firstProblems().toString());
    }

    @Test
    void badCoordinatesAreReported() throws IOException {
        PlaceFileCheck.Outcome o = check(DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER,
                DirectoryFiles.line("a", "Lieu", "59350", "59000", "Lille", "cinquante", "3.0", "Aide aux démarches administratives", "", "", ""),
                DirectoryFiles.line("b", "Lieu", "59350", "59000", "Lille", "95", "3.0", "Aide aux démarches administratives", "", "", ""),
                DirectoryFiles.line("c", "Lieu", "59350", "59000", "Lille", "3.06", "50.63", "Aide aux démarches administratives", "", "", ""),
                DirectoryFiles.line("d", "Lieu", "59350", "59000", "Lille", "50.63", "", "Aide aux démarches administratives", "", "", ""))));
        assertEquals(0, o.valid());
        List<String> fields = o.firstProblems().stream().map(p -> p.line() + ":" + p.field()).toList();
        assertEquals(List.of("2:latitude", "3:latitude", "4:latitude", "5:longitude"), fields);
        assertTrue(o.firstProblems().get(2).message().contains("inversées"), o.firstProblems().get(2).message());
    }

    @Test
    void missingRequiredValuesAreReportedByColumn() throws IOException {
        String line = DirectoryFiles.simple("a", "59350", "59000", "Lille").replace("\"Lieu a\"", "");
        ImportProblem p = only(check(DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER, line))));
        assertEquals("nom", p.field());
        assertEquals("valeur obligatoire manquante", p.message());
    }

    @Test
    void aRepeatedIdIsAnErrorOnTheLaterLine() throws IOException {
        ImportProblem p = only(check(DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER,
                DirectoryFiles.simple("a", "59350", "59000", "Lille"), DirectoryFiles.simple("a", "59512", "59100", "Roubaix")))));
        assertEquals(3, p.line());
        assertTrue(p.message().contains("ligne 2"));
    }

    @Test
    void latin1FilesAreReadWithTheirAccents() throws IOException {
        Path file = DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER, DirectoryFiles.simple("a", "59017", "59280", "Armentières")),
                DirectoryFile.WINDOWS_LATIN_1, false);
        assertEquals(DirectoryFile.WINDOWS_LATIN_1, DirectoryFile.detectEncoding(file).charset());
        List<PlaceValidator.Result> valid = new ArrayList<>();
        check.validLines(file, 10, valid::addAll);
        assertEquals("Aide aux démarches administratives", valid.get(0).place().services().iterator().next().label());
        assertEquals("Armentières", valid.get(0).place().commune());
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        Path file = DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER, DirectoryFiles.simple("a", "59350", "59000", "Lille")),
                StandardCharsets.UTF_8, true);
        DirectoryFile.Encoding encoding = DirectoryFile.detectEncoding(file);
        assertTrue(encoding.byteOrderMark());
        assertTrue(check(file).clean(), "the id column is found despite the BOM");
    }

    @Test
    void semicolonSeparatedFilesAreRead() throws IOException {
        String header = DirectoryFiles.HEADER.replace(',', ';');
        String line = "s1;00000000000000;Lieu;Lille;59000;59350;1 rue;;50,63;3,06;EPN;;;;;;;;;;2025-01-01;"
                + "Aide aux démarches administratives;;;Gratuit;;;;;;;";
        PlaceFileCheck.Outcome o = check(DirectoryFiles.write(dir, List.of(header, line)));
        assertTrue(o.clean(), o.firstProblems().toString());
    }

    @Test
    void aFileWithoutTheNationalHeaderIsRefused() {
        Path file = DirectoryFiles.write(dir, List.of("nom,ville", "Lieu,Lille"));
        InvalidDirectoryFileException e = assertThrows(InvalidDirectoryFileException.class, () -> DirectoryFile.open(file));
        assertTrue(e.getMessage().contains("id, pivot"), e.getMessage());
    }

    @Test
    void aFirstLineLongerThan64KiBIsRefusedOnLineOne() {
        Path file = DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER + ",x".repeat(40 * 1024),
                DirectoryFiles.simple("a", "59350", "59000", "Lille")));
        InvalidDirectoryFileException e = assertThrows(InvalidDirectoryFileException.class, () -> DirectoryFile.open(file));
        assertEquals(1, e.line());
        assertEquals("Ligne 1 : la ligne des noms de colonnes dépasse 64 Ko : ce n'est pas un fichier au format national "
                + "des lieux de médiation numérique.", e.getMessage());
    }

    @Test
    void aLineLongerThanTheRecordLimitStopsTheReadingWithItsLine() throws IOException {
        PlaceFileCheck.Outcome o = check(DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER,
                DirectoryFiles.simple("a", "59350", "59000", "Lille"), "b" + ",".repeat(256 * 1024))));
        assertEquals(1, o.valid());
        ImportProblem p = only(o);
        assertEquals(3, p.line());
        assertEquals("Ligne 3 : ligne de plus de 262144 caractères. La suite du fichier ne peut pas être lue.", p.message());
    }

    @Test
    void anUnclosedQuoteStopsTheReadingWithItsLine() throws IOException {
        PlaceFileCheck.Outcome o = check(DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER,
                DirectoryFiles.simple("a", "59350", "59000", "Lille"), "b,\"00000000000000,oops")));
        assertEquals(1, o.valid());
        assertEquals(3, o.firstProblems().get(0).line());
        assertTrue(o.firstProblems().get(0).message().contains("guillemet"));
    }

    @Test
    void quotedFieldsMayHoldSeparatorsQuotesAndLineBreaks() throws IOException {
        String line = DirectoryFiles.simple("a", "59350", "59000", "Lille").replace("\"Lieu a\"", "\"Lieu, \"\"a\"\"\nsur deux lignes\"");
        Path file = DirectoryFiles.write(dir, List.of(DirectoryFiles.HEADER, line, DirectoryFiles.simple("b", "59350", "59000", "Lille").replace(",Essai,", ",,")));
        List<PlaceValidator.Result> valid = new ArrayList<>();
        check.validLines(file, 10, valid::addAll);
        assertEquals("Lieu, \"a\"\nsur deux lignes", valid.get(0).place().nom());
        assertEquals(4, valid.get(1).line(), "the second record starts on the file's fourth line");
    }

    /**
     * The reading keeps one record in memory, not the file: over an endless input (which no
     * reading of the whole could ever finish), each record is handed over having been served
     * exactly its own characters, nothing ahead.
     */
    @Test
    void recordsAreReadOneAtATimeFromAnEndlessInputWithoutReadingAhead() throws IOException {
        EndlessRecords input = new EndlessRecords();
        CsvReader csv = new CsvReader(input, ',');
        long expected = 0;
        for (int i = 0; i < 20_000; i++) {
            List<String> record = csv.next();
            assertEquals(List.of("id-" + i, "Lieu " + i, "59000"), record);
            expected += EndlessRecords.record(i).length();
            assertEquals(expected, input.served, "record " + i + ": the characters of the records handed over, not one more");
            assertEquals(i + 1, csv.recordLine());
        }
    }

    /**
     * A line that never ends (an endless body, a file without line breaks) is refused once it
     * passes the record's bound, having read exactly up to it: what the reader holds never grows
     * past {@link CsvReader#MAX_RECORD} characters, whatever the input.
     */
    @Test
    void anEndlessLineIsRefusedAtTheRecordBoundHavingReadNoFurther() {
        CountingReader input = new CountingReader("a,"); // short fields: the record's bound is met before the field's
        CsvReader csv = new CsvReader(input, ',');
        CsvReader.MalformedCsvException e = assertThrows(CsvReader.MalformedCsvException.class, csv::next);
        assertEquals("ligne de plus de 262144 caractères", e.getMessage());
        assertEquals(CsvReader.MAX_RECORD + 1, input.served, "the bound, and the one character that passed it");
    }

    /** The same for one endless field (an unclosed quote swallowing the rest is refused as well: see above). */
    @Test
    void anEndlessFieldIsRefusedAtTheFieldBoundHavingReadNoFurther() {
        CountingReader input = new CountingReader("a");
        CsvReader csv = new CsvReader(input, ',');
        CsvReader.MalformedCsvException e = assertThrows(CsvReader.MalformedCsvException.class, csv::next);
        assertEquals("champ de plus de 100000 caractères", e.getMessage());
        assertEquals(CsvReader.MAX_FIELD + 1, input.served);
    }

    /**
     * 50,000 lines: every one checked, the progress told every 1,000 lines in order, then the valid
     * ones handed over again in batches of exactly the size asked (the figures of time and heap are
     * {@link PlaceFileCheckBench}'s, run on demand: docs/performance.md).
     */
    @Test
    void fiftyThousandLinesAreCheckedWithProgressThenHandedOverInBatchesOfTheSizeAsked() throws IOException {
        Path file = DirectoryFiles.write(dir, PlaceFileCheckBench.lines(50_000));
        List<Integer> progress = new ArrayList<>();
        PlaceFileCheck.Outcome o = check.check(file, 1000, progress::add);
        assertEquals(50_000, o.lines());
        assertEquals(50_000, o.valid());
        assertEquals(50, progress.size());
        for (int i = 0; i < progress.size(); i++) {
            assertEquals((i + 1) * 1000, progress.get(i));
        }
        List<Integer> batches = new ArrayList<>();
        List<String> firstAndLast = new ArrayList<>();
        check.validLines(file, 500, batch -> {
            batches.add(batch.size());
            if (firstAndLast.isEmpty()) {
                firstAndLast.add(batch.get(0).place().id());
            }
            if (batches.size() == 100) {
                firstAndLast.add(batch.get(batch.size() - 1).place().id());
            }
        });
        assertEquals(java.util.Collections.nCopies(100, 500), batches);
        assertEquals(List.of("bulk-0", "bulk-49999"), firstAndLast);
    }

    /** A reader that serves {@code unit} over and over, for ever, counting the characters it served. */
    private static final class CountingReader extends Reader {
        private final String unit;
        long served;

        CountingReader(String unit) {
            this.unit = unit;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = unit.charAt((int) (served++ % unit.length()));
            }
            return length;
        }

        @Override
        public void close() {
        }
    }

    /** Records {@code id-N,Lieu N,59000} one after the other, for ever, made as they are served and counted. */
    private static final class EndlessRecords extends Reader {
        private int next;
        private String current = "";
        private int position;
        long served;

        static String record(int i) {
            return "id-" + i + ",Lieu " + i + ",59000\n";
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                if (position == current.length()) {
                    current = record(next++);
                    position = 0;
                }
                buffer[offset + i] = current.charAt(position++);
                served++;
            }
            return length;
        }

        @Override
        public void close() {
        }
    }
}
