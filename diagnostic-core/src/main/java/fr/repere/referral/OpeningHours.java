package fr.repere.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the common part of OpenStreetMap's {@code opening_hours} (what the national schema's
 * {@code horaires} holds) aloud in French, for the slip: {@code Mo-Fr 09:00-12:00,14:00-18:30; Sa
 * 08:30-12:00} → "du lundi au vendredi de 9 h à 12 h et de 14 h à 18 h 30", "le samedi de 8 h 30 à
 * 12 h". Anything beyond day ranges, times, {@code off} and {@code PH off} is not guessed at:
 * {@link #inFrench} is then empty and the slip shows the text as it is.
 */
public final class OpeningHours {

    private static final List<String> DAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");
    private static final Map<String, String> NAMES = Map.of("Mo", "lundi", "Tu", "mardi", "We", "mercredi",
            "Th", "jeudi", "Fr", "vendredi", "Sa", "samedi", "Su", "dimanche");
    private static final Pattern DAY_PART = Pattern.compile("(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?");
    private static final Pattern RULE = Pattern.compile("((?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?"
            + "(?:,(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)*)\\s+(.+)");
    private static final Pattern SPAN = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");

    private OpeningHours() {
    }

    /** One French line per rule, or empty if the text is not in the supported part of the syntax. */
    public static Optional<List<String>> inFrench(String openingHours) {
        if (openingHours == null || openingHours.isBlank()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (String rule : openingHours.split(";")) {
            String r = rule.strip();
            if (r.isEmpty()) {
                continue;
            }
            if (r.equals("24/7")) {
                lines.add("tous les jours, 24 h sur 24");
                continue;
            }
            if (r.equals("PH off")) {
                lines.add("fermé les jours fériés");
                continue;
            }
            Matcher m = RULE.matcher(r);
            if (!m.matches()) {
                return Optional.empty();
            }
            Optional<String> days = days(m.group(1));
            Optional<String> times = times(m.group(2).strip());
            if (days.isEmpty() || times.isEmpty()) {
                return Optional.empty();
            }
            lines.add(days.get() + " " + times.get());
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines);
    }

    private static Optional<String> days(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher m = DAY_PART.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            if (m.group(2) == null) {
                parts.add("le " + NAMES.get(m.group(1)));
            } else if (DAYS.indexOf(m.group(2)) > DAYS.indexOf(m.group(1))) {
                parts.add("du " + NAMES.get(m.group(1)) + " au " + NAMES.get(m.group(2)));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(and(parts));
    }

    private static Optional<String> times(String text) {
        if (text.equals("off") || text.equals("closed")) {
            return Optional.of("fermé");
        }
        List<String> spans = new ArrayList<>();
        for (String span : text.split(",")) {
            Matcher m = SPAN.matcher(span.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            spans.add("de " + time(m.group(1), m.group(2)) + " à " + time(m.group(3), m.group(4)));
        }
        return Optional.of(String.join(" et ", spans));
    }

    private static String time(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        return minutes.equals("00") ? h + " h" : h + " h " + minutes;
    }

    private static String and(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " et " + parts.get(parts.size() - 1);
    }
}
