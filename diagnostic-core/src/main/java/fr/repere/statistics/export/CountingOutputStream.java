package fr.repere.statistics.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Tells {@link Progress} how many bytes of the file went out. Does not close the caller's stream. */
final class CountingOutputStream extends FilterOutputStream {

    private final Progress progress;
    private long count;

    CountingOutputStream(OutputStream out, Progress progress) {
        super(out);
        this.progress = progress;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
        progress.bytesWritten(count);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
        progress.bytesWritten(count);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
