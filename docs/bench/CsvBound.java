import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import java.io.Reader;

/**
 * Why Repère reads directory CSV files itself (docs/architecture.md, Decisions): an unclosed quote
 * followed by N characters, read by Apache Commons CSV. Not part of the build. To reproduce:
 *
 * <pre>
 * mvn -q dependency:get -Dartifact=org.apache.commons:commons-csv:1.14.1
 * J=~/.m2/repository/org/apache/commons/commons-csv/1.14.1/commons-csv-1.14.1.jar:~/.m2/repository/commons-io/commons-io/2.20.0/commons-io-2.20.0.jar:~/.m2/repository/commons-codec/commons-codec/1.17.1/commons-codec-1.17.1.jar
 * javac -cp $J -d /tmp/csvbound docs/bench/CsvBound.java
 * java -Xmx64m -cp $J:/tmp/csvbound CsvBound 200000000
 * </pre>
 * 7 December 2026, OpenJDK 17: {@code commons-csv: java.lang.OutOfMemoryError: Java heap space} after 0.6 s.
 */
public class CsvBound {
    /** A Reader serving a quote, then 'a' forever up to n characters, without holding them. */
    static Reader endless(long n) {
        return new Reader() {
            long served;
            public int read(char[] b, int off, int len) {
                if (served >= n) return -1;
                int k = (int) Math.min(len, n - served);
                for (int i = 0; i < k; i++) b[off + i] = served + i == 0 ? '"' : 'a';
                served += k;
                return k;
            }
            public void close() {}
        };
    }
    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[0]);
        long t = System.nanoTime();
        try {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(endless(n))) {
                System.out.println("record of " + r.get(0).length() + " chars");
            }
        } catch (Throwable e) {
            System.out.println("commons-csv: " + e);
        }
        System.out.printf("%d chars, %.1f s, max heap %d MiB%n", n, (System.nanoTime() - t) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
    }
}
