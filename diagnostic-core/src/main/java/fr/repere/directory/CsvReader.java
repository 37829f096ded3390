package fr.repere.directory;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time, quoted fields (with doubled quotes, and line
 * breaks inside), CRLF or LF. Keeps only the current record in memory and knows the line of the
 * file where each record starts, so that problems can be reported by line.
 */
final class CsvReader {

    /** A field longer than this is an error in the file (an unclosed quote swallowing the rest). */
    static final int MAX_FIELD = 100_000;
    /** A record (one line of the file, or several when a quoted field holds line breaks) longer than this is an error too. */
    static final int MAX_RECORD = 256 * 1024;

    private final Reader in;
    private final char delimiter;
    private int line = 1;
    private int recordLine;
    private int pending = -2;

    CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The line of the file where the last record read began (1 = first line). */
    int recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end of the file. */
    List<String> next() throws IOException {
        int c = read();
        while (c == '\r' || c == '\n') { // blank lines between records are skipped
            endOfLine(c);
            c = read();
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int length = 0;
        while (true) {
            if (++length > MAX_RECORD) {
                throw new MalformedCsvException(recordLine, "ligne de plus de " + MAX_RECORD + " caractères");
            }
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsvException(recordLine, "guillemet ouvert et jamais refermé");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c != -1) {
                    endOfLine(c);
                }
                fields.add(field.toString());
                return fields;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            if (field.length() > MAX_FIELD) {
                throw new MalformedCsvException(recordLine, "champ de plus de " + MAX_FIELD + " caractères");
            }
            c = read();
        }
    }

    /** Counts a line break; a CR followed by LF is one. */
    private void endOfLine(int c) throws IOException {
        line++;
        if (c == '\r') {
            int n = read();
            if (n != '\n') {
                pending = n;
            }
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int p = pending;
            pending = -2;
            return p;
        }
        return in.read();
    }

    /** The file cannot be read past this point. */
    static final class MalformedCsvException extends IOException {
        private final int line;

        MalformedCsvException(int line, String problem) {
            super(problem);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
