package fr.repere.statistics.export;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Sheet names Excel and LibreOffice accept: at most 31 characters, none of {@code : \ / ? * [ ]},
 * no apostrophe at either end, unique regardless of case (Excel compares names that way), and
 * never « History », which Excel reserves.
 */
final class SheetNames {

    static final int MAX_LENGTH = 31;

    private final Set<String> used = new HashSet<>();

    SheetNames() {
        used.add("history");
    }

    /** A free name close to {@code wanted}, reserved from now on. */
    String reserve(String wanted) {
        String base = shorten(clean(wanted), MAX_LENGTH);
        if (base.isEmpty()) {
            base = "Tableau";
        }
        String name = base;
        for (int n = 2; used.contains(key(name)); n++) {
            String suffix = " (" + n + ")";
            name = shorten(base, MAX_LENGTH - suffix.length()) + suffix;
        }
        used.add(key(name));
        return name;
    }

    private static String clean(String wanted) {
        String s = wanted == null ? "" : wanted.replaceAll("[:\\\\/?*\\[\\]\\p{Cntrl}]", " ");
        s = s.replaceAll("\\s+", " ").strip();
        while (s.startsWith("'")) {
            s = s.substring(1).strip();
        }
        while (s.endsWith("'")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** Cut at a word boundary when one is near, and say so with an ellipsis. */
    private static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        String cut = s.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        if (space >= max / 2) {
            cut = cut.substring(0, space);
        }
        cut = cut.strip();
        while (cut.endsWith("'")) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
