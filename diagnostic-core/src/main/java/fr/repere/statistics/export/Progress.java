package fr.repere.statistics.export;

import java.util.function.IntConsumer;

/**
 * Turns work done into percents for the caller's progress bar. Rows written take 0-70 %; the last
 * step, assembling the zip from the streamed sheets, took about a third of the time of a
 * million-row export (docs/performance.md), so it moves the bar from 70 to 99 % as bytes go out,
 * against an estimate of the file size; 100 when the file is complete. Each percent is reported
 * once, in increasing order.
 */
final class Progress {

    private static final int ROWS_SHARE = 70;
    private static final int BEFORE_DONE = 99;

    private final IntConsumer listener;
    private final long totalRows;
    private long rowsDone;
    private long expectedBytes = 1;
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

    /** All rows are written; about {@code expectedBytes} are to go out. */
    void rowsDone(long expectedBytes) {
        this.expectedBytes = Math.max(1, expectedBytes);
        report(ROWS_SHARE);
    }

    void bytesWritten(long bytes) {
        long share = Math.min(BEFORE_DONE - ROWS_SHARE, bytes * (BEFORE_DONE - ROWS_SHARE) / expectedBytes);
        report(ROWS_SHARE + (int) share);
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
