package fr.repere.statistics.export;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for the tests: quoted fields, doubled quotes, a given separator and line end. */
final class CsvText {

    private CsvText() {
    }

    static List<List<String>> parse(String text, char separator, String lineEnd) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                i++;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                i++;
            } else if (text.startsWith(lineEnd, i)) {
                fields.add(field.toString());
                field.setLength(0);
                lines.add(fields);
                fields = new ArrayList<>();
                i += lineEnd.length();
            } else if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("unexpected line end at " + i + " (expected only " + 
                        lineEnd.replace("\r", "CR").replace("\n", "LF") + ")");
            } else {
                field.append(c);
                i++;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            lines.add(fields);
        }
        return lines;
    }
}
