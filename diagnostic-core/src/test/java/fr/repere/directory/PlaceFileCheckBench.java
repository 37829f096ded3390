package fr.repere.directory;

import fr.repere.territory.Geography;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures for docs/performance.md (« Import de l'annuaire »): the time and heap of checking then
 * reading again 50,000 lines. Printed, never asserted (a shared machine's time says nothing about
 * the code). Not run by {@code mvn test} (the name does not end with {@code Test}); on demand:
 * {@code mvn -B -o -pl diagnostic-core test -Dtest=PlaceFileCheckBench}. What the reading does
 * (one record at a time, bounded) is asserted by {@link PlaceFileCheckTest}.
 */
class PlaceFileCheckBench {

    @TempDir
    Path dir;

    /** The header and {@code count} valid lines, {@code bulk-0} to {@code bulk-(count-1)}, in Lille and Roubaix. */
    static List<String> lines(int count) {
        List<String> lines = new ArrayList<>(count + 1);
        lines.add(DirectoryFiles.HEADER);
        for (int i = 0; i < count; i++) {
            lines.add(DirectoryFiles.simple("bulk-" + i, i % 2 == 0 ? "59350" : "59512", i % 2 == 0 ? "59000" : "59100",
                    i % 2 == 0 ? "Lille" : "Roubaix"));
        }
        return lines;
    }

    @Test
    void fiftyThousandLines() throws IOException {
        PlaceFileCheck check = new PlaceFileCheck(new PlaceValidator(Geography.shipped()));
        Path file = DirectoryFiles.write(dir, lines(50_000));
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long[] peak = {before};
        long start = System.nanoTime();
        PlaceFileCheck.Outcome o = check.check(file, 1000, n -> peak[0] = Math.max(peak[0], runtime.totalMemory() - runtime.freeMemory()));
        int[] stored = {0};
        check.validLines(file, 500, batch -> {
            stored[0] += batch.size();
            peak[0] = Math.max(peak[0], runtime.totalMemory() - runtime.freeMemory());
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("PlaceFileCheck: 50,000 lines (%d KB, %d valid, %d read again) checked and read again in %d ms; "
                + "heap in use %d MB before, at most %d MB during (not collected)%n", Files.size(file) / 1024, o.valid(), stored[0],
                ms, before >> 20, peak[0] >> 20);
    }
}
