package fr.repere.web.print;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A printable page: French HTML, escaped by construction, with the A4 stylesheet
 * ({@code /imprimables/imprimable.css}; no inline style or script, as the content security policy
 * wants), never cached.
 */
public final class Printable {

    public static final String STYLESHEET = "/imprimables/imprimable.css";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final StringBuilder html = new StringBuilder();

    public Printable(String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\">\n")
                .append("</head>\n<body>\n<main class=\"feuille\">\n");
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** "2 mars 2026", Paris time. */
    public static String day(Instant instant) {
        return DAY.format(instant.atZone(PARIS));
    }

    /** Opens an element with a class; the text of the next calls goes inside until {@link #close}. */
    public Printable open(String tag, String cssClass) {
        html.append('<').append(tag);
        if (cssClass != null) {
            html.append(" class=\"").append(escape(cssClass)).append('"');
        }
        html.append(">\n");
        return this;
    }

    public Printable close(String tag) {
        html.append("</").append(tag).append(">\n");
        return this;
    }

    /** An element holding escaped text. */
    public Printable element(String tag, String cssClass, String text) {
        html.append('<').append(tag);
        if (cssClass != null) {
            html.append(" class=\"").append(escape(cssClass)).append('"');
        }
        html.append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    /** A paragraph of lines (escaped), separated by line breaks; blank lines skipped. */
    public Printable lines(String cssClass, String... lines) {
        html.append("<p").append(cssClass == null ? "" : " class=\"" + escape(cssClass) + "\"").append('>');
        boolean first = true;
        for (String line : lines) {
            if (line == null || line.isBlank()) {
                continue;
            }
            if (!first) {
                html.append("<br>");
            }
            html.append(escape(line));
            first = false;
        }
        html.append("</p>\n");
        return this;
    }

    public Response response() {
        html.append("</main>\n</body>\n</html>\n");
        return Response.ok(html.toString(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }
}
