package fr.repere.statistics.export;

import fr.repere.statistics.Cell;

/**
 * The text a reader sees in place of a suppressed count, the same in every format and for every
 * hidden cell ({@link Cell#MARKER}): a marker of its own for small counts would tell that every
 * other hidden cell counts at least the threshold.
 */
final class Markers {

    private Markers() {
    }

    /** « s », whatever the reason the cell is hidden. */
    static String of(Cell cell) {
        if (cell.published()) {
            throw new IllegalArgumentException("a published cell has no marker");
        }
        return cell.marker();
    }

    static final String HIDDEN = Cell.MARKER;
}
