package fr.repere.directory;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A directory file in the national CSV format, read one line at a time (bounded memory whatever
 * its size). The encoding is detected: UTF-8 with or without byte-order mark, otherwise Latin-1
 * as Windows writes it (Windows-1252, which spreadsheets use when saving "CSV"). The separator is
 * the one of the header line: comma (the schema's), semicolon or tab.
 */
public final class DirectoryFile implements Closeable {

    public static final Charset WINDOWS_LATIN_1 = Charset.forName("windows-1252");

    /** A line of the file: where it starts, and its value for each known column (never null). */
    public record Line(int line, Map<String, String> values) {
        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    /** How the file is written. */
    public record Encoding(Charset charset, boolean byteOrderMark) {
        public String label() {
            return charset.equals(StandardCharsets.UTF_8) ? (byteOrderMark ? "UTF-8 (avec BOM)" : "UTF-8")
                    : "Latin-1 (Windows-1252)";
        }
    }

    private final CsvReader csv;
    private final Closeable source;
    private final Encoding encoding;
    private final List<String> columns;
    private final List<String> unknownColumns;

    private DirectoryFile(CsvReader csv, Closeable source, Encoding encoding, List<String> header) {
        this.csv = csv;
        this.source = source;
        this.encoding = encoding;
        this.columns = new ArrayList<>();
        this.unknownColumns = new ArrayList<>();
        for (String name : header) {
            String column = name.strip().toLowerCase(Locale.ROOT);
            columns.add(PlaceSchema.COLUMNS.contains(column) ? column : null);
            if (!PlaceSchema.COLUMNS.contains(column) && !column.isEmpty()) {
                unknownColumns.add(name.strip());
            }
        }
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws InvalidDirectoryFileException when it is not a file of the national format (no
     *         header, required columns missing)
     */
    public static DirectoryFile open(Path file) throws IOException {
        Encoding encoding = detectEncoding(file);
        InputStream in = Files.newInputStream(file);
        try {
            if (encoding.byteOrderMark()) {
                in.skipNBytes(3);
            }
            BufferedReader text = new BufferedReader(new InputStreamReader(in, encoding.charset()), 64 * 1024);
            text.mark(MAX_HEADER + 1);
            String first = headerLine(text);
            if (first == null || first.isBlank()) {
                throw new InvalidDirectoryFileException("Le fichier est vide : la première ligne doit donner les noms "
                        + "des colonnes du schéma national (id, pivot, nom, commune, code_postal, adresse, date_maj…).");
            }
            text.reset();
            CsvReader csv = new CsvReader(text, separator(first));
            List<String> header = csv.next();
            List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            List<String> missing = PlaceSchema.COLUMNS.stream().filter(PlaceSchema.REQUIRED::contains)
                    .filter(c -> !names.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidDirectoryFileException("Ce fichier n'est pas au format national des lieux de médiation "
                        + "numérique : la première ligne doit nommer les colonnes, et il manque " + String.join(", ", missing)
                        + ". Colonnes trouvées : " + String.join(", ", header.stream().limit(12).toList())
                        + (header.size() > 12 ? "…" : "") + ".");
            }
            return new DirectoryFile(csv, text, encoding, header);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Column names of the national schema fit in far less; more is not a header (and would outgrow the mark). */
    static final int MAX_HEADER = 64 * 1024;

    /** The first line, read at most {@link #MAX_HEADER} characters far, so that the reader can go back to its start. */
    private static String headerLine(BufferedReader text) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = text.read(); c != -1 && c != '\n' && c != '\r'; c = text.read()) {
            if (line.length() == MAX_HEADER) {
                throw new InvalidDirectoryFileException("Ligne 1 : la ligne des noms de colonnes dépasse " + MAX_HEADER / 1024
                        + " Ko : ce n'est pas un fichier au format national des lieux de médiation numérique.", 1);
            }
            line.append((char) c);
        }
        return line.toString();
    }

    /** The next line, or null at the end of the file. */
    public Line next() throws IOException {
        List<String> record;
        try {
            record = csv.next();
        } catch (CsvReader.MalformedCsvException e) {
            throw new InvalidDirectoryFileException("Ligne " + e.line() + " : " + e.getMessage()
                    + ". La suite du fichier ne peut pas être lue.", e.line());
        }
        if (record == null) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < record.size() && i < columns.size(); i++) {
            if (columns.get(i) != null) {
                values.put(columns.get(i), record.get(i).strip());
            }
        }
        if (record.size() > columns.size() && record.subList(columns.size(), record.size()).stream().anyMatch(v -> !v.isBlank())) {
            values.put(EXTRA, String.valueOf(record.size()));
        }
        return new Line(csv.recordLine(), values);
    }

    /** Marks a line with more values than the header has columns. */
    static final String EXTRA = "\u0000extra";

    public Encoding encoding() {
        return encoding;
    }

    /** Header columns that are not in the schema: ignored. */
    public List<String> unknownColumns() {
        return List.copyOf(unknownColumns);
    }

    public int columnCount() {
        return columns.size();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private static char separator(String header) {
        Map<Character, Integer> counts = new LinkedHashMap<>();
        for (char c : new char[] {',', ';', '\t'}) {
            counts.put(c, (int) header.chars().filter(x -> x == c).count());
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(',');
    }

    /**
     * UTF-8 if the whole file decodes as UTF-8 (checked in a streaming pass), else Windows-1252;
     * a byte-order mark means UTF-8.
     */
    public static Encoding detectEncoding(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(3);
            boolean bom = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF;
            if (bom) {
                return new Encoding(StandardCharsets.UTF_8, true);
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
            CharBuffer chars = CharBuffer.allocate(64 * 1024);
            bytes.put(start);
            boolean end = false;
            while (!end) {
                byte[] chunk = in.readNBytes(bytes.remaining());
                end = chunk.length == 0;
                bytes.put(chunk);
                bytes.flip();
                var result = utf8.decode(bytes, chars, end);
                if (result.isError()) {
                    return new Encoding(WINDOWS_LATIN_1, false);
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            if (utf8.decode(bytes, chars, true).isError() || utf8.flush(chars).isError()) {
                return new Encoding(WINDOWS_LATIN_1, false);
            }
            return new Encoding(StandardCharsets.UTF_8, false);
        } catch (CharacterCodingException e) {
            return new Encoding(WINDOWS_LATIN_1, false);
        }
    }
}
