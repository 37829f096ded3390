package fr.repere.statistics;

/**
 * One published count. A suppressed cell carries no count at all, so that nothing downstream of
 * disclosure control (exports, JSON, charts) can leak it.
 */
public record Cell(Long count, Suppression suppression) {

    /** Why a count is not shown. */
    public enum Suppression {
        /** Published. */
        NONE,
        /** Fewer people than the threshold (shown « < 11 »). */
        PRIMARY,
        /** Hidden so that a primary suppression cannot be recomputed from totals (shown « s »). */
        SECONDARY
    }

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

    public boolean published() {
        return suppression == Suppression.NONE;
    }
}
