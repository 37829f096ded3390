package fr.repere.statistics;

/**
 * One published count. A suppressed cell carries no count at all, so that nothing downstream of
 * disclosure control (exports, JSON, charts) can leak it.
 */
public record Cell(Long count, Suppression suppression) {

    /**
     * Why a count is not shown. Known inside Repère (disclosure control, tests) but never shown:
     * every hidden cell reads the same {@link #MARKER}, because a marker of its own for small counts
     * would tell that every other hidden cell counts at least the threshold.
     */
    public enum Suppression {
        /** Published. */
        NONE,
        /** Fewer people than the threshold. */
        PRIMARY,
        /** Hidden so that no hidden cell can be narrowed down from the totals and the other breakdowns. */
        SECONDARY
    }

    /** What every format shows in place of a hidden count: it says only « at least 1 » (zeros are published). */
    public static final String MARKER = "s";

    public Cell {
        if ((count == null) != (suppression != Suppression.NONE)) {
            throw new IllegalArgumentException("a cell has a count exactly when it is published");
        }
        if (count != null && count < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    public static Cell of(long count) {
        return new Cell(count, Suppression.NONE);
    }

    public static Cell suppressed(Suppression why) {
        return new Cell(null, why);
    }

    /** The text shown in place of the count, the same for every hidden cell (« s »); null if published. */
    public String marker() {
        return published() ? null : MARKER;
    }

    public boolean published() {
        return suppression == Suppression.NONE;
    }
}
