package fr.repere.statistics.export;

import fr.repere.statistics.Cell;

/** The text a reader sees in place of a suppressed count, the same in every format. */
final class Markers {

    private Markers() {
    }

    /** « < 11 » for a primary suppression (with the real threshold), « s » for a secondary one. */
    static String of(Cell cell, int threshold) {
        return switch (cell.suppression()) {
            case PRIMARY -> primary(threshold);
            case SECONDARY -> SECONDARY;
            case NONE -> throw new IllegalArgumentException("a published cell has no marker");
        };
    }

    static String primary(int threshold) {
        return "< " + threshold;
    }

    static final String SECONDARY = "s";
}
