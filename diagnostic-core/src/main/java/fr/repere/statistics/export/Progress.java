package fr.repere.statistics.export;

import java.util.function.IntConsumer;

/**
 * Turns rows written into percents for the caller's progress bar. Rows take the first 95 %: the
 * last step, assembling the zip from the streamed sheets, is long for big tables and has no rows
 * to count. Each percent is reported once, in increasing order.
 */
final class Progress {

    private static final int ROWS_SHARE = 95;

    private final IntConsumer listener;
    private final long totalRows;
    private long rowsDone;
    private int reported = -1;

    Progress(IntConsumer listener, long totalRows) {
        this.listener = listener;
        this.totalRows = totalRows;
        report(0);
    }

    void rowWritten() {
        rowsDone++;
        report(totalRows == 0 ? ROWS_SHARE : (int) (rowsDone * ROWS_SHARE / totalRows));
    }

    void rowsDone() {
        report(ROWS_SHARE);
    }

    void finished() {
        report(100);
    }

    private void report(int percent) {
        if (percent > reported) {
            reported = percent;
            listener.accept(percent);
        }
    }
}
