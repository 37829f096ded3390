package fr.repere.statistics.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import fr.repere.statistics.Cell;
import fr.repere.statistics.Methodology;
import fr.repere.statistics.Publication;
import fr.repere.statistics.PublishedRow;
import fr.repere.statistics.PublishedTable;
import fr.repere.statistics.export.StatisticsCsv;
import fr.repere.statistics.export.StatisticsWorkbook;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Writes one table of a million lazy rows as XLSX then CSV, and prints time, heap and file size.
 * Run in its own JVM with a small heap ({@code -Xmx256m}, see the {@code bench} profile): the point
 * is that the export fits, not only that it is fast. Rows are computed on demand from their index,
 * like a view over a database result, and never kept.
 *
 * <p>Heap is read two ways: the largest heap in use seen by a sampler every 5 ms (garbage
 * included), and the largest heap left after a garbage collection (what the export really holds).
 */
public final class ExportBenchmark {

    private static final List<String> CODES = List.of("AUTONOMY", "TRAIN", "ASSIST", "DELEGATE", "REFER");
    private static final List<String> LABELS = List.of("Autonome", "Formation au numérique",
            "Accompagnement « pas à pas »", "Aidant habilité (mandat)", "Orientation vers un partenaire");

    private static final AtomicLong maxUsedSampled = new AtomicLong();
    private static final AtomicLong maxUsedAfterGc = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path out = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench"));
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        watchGarbageCollections();
        Thread sampler = sampler();
        System.out.printf(Locale.ROOT, "max heap (-Xmx): %d MB, rows: %,d, java.io.tmpdir: %s%n",
                Runtime.getRuntime().maxMemory() >> 20, rows, tmp);

        Publication publication = publication(rows);
        Path xlsx = out.resolve("bench-" + rows + ".xlsx");
        measure("XLSX", xlsx, tmp, () -> {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(xlsx), 1 << 16)) {
                int[] last = {-25};
                long start = System.nanoTime();
                StatisticsWorkbook.write(publication, file, percent -> {
                    if (percent / 25 != last[0] / 25 || percent == 95) {
                        System.out.printf(Locale.ROOT, "  %d %% after %.1f s%n", percent, (System.nanoTime() - start) / 1e9);
                    }
                    last[0] = percent;
                });
            }
        });
        Path csv = out.resolve("bench-" + rows + ".csv");
        measure("CSV", csv, tmp, () -> {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16)) {
                StatisticsCsv.write(publication.tables().get(0), publication.methodology().threshold(), file);
            }
        });
        sampler.interrupt();
    }

    private interface Export {
        void run() throws IOException;
    }

    private static void measure(String what, Path file, Path tmp, Export export) throws IOException {
        System.gc();
        // let the notification of that collection arrive before the counters start
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        maxUsedSampled.set(0);
        maxUsedAfterGc.set(0);
        long start = System.nanoTime();
        export.run();
        long elapsed = System.nanoTime() - start;
        List<String> left;
        try (Stream<Path> files = Files.walk(tmp)) {
            left = files.filter(Files::isRegularFile).map(Path::toString)
                    .filter(name -> name.contains("poi-sxssf")).toList();
        }
        System.out.printf(Locale.ROOT,
                "%s: %.1f s, heap used at most %d MB (sampled, garbage included), at most %d MB after a GC, "
                        + "file %.1f MB, poi-sxssf temporary files left: %d%n",
                what, elapsed / 1e9, maxUsedSampled.get() >> 20, maxUsedAfterGc.get() >> 20,
                Files.size(file) / 1e6, left.size());
        if (!left.isEmpty()) {
            throw new IllegalStateException("temporary files left: " + left);
        }
    }

    private static Publication publication(int size) {
        List<PublishedRow> rows = new AbstractList<>() {
            @Override
            public PublishedRow get(int i) {
                return row(i);
            }

            @Override
            public int size() {
                return size;
            }
        };
        PublishedRow total = new PublishedRow("TOTAL", "Total",
                CODES.stream().map(c -> Cell.of(250L * size)).toList(), Cell.of(1250L * size));
        PublishedTable table = new PublishedTable("orientation", "Orientation principale par carreau (banc d'essai)",
                "Carreau", CODES, LABELS, rows, total, "Données synthétiques du banc d'essai.");
        Methodology methodology = new Methodology("Nord (59)", "janvier 2026 à juin 2026 (par mois)", 11,
                List.of("questionnaire 1.0"), List.of("règles 2026.1"), LocalDate.of(2026, 7, 3),
                List.of("Données synthétiques."), 0);
        return new Publication(methodology, List.of(table));
    }

    /** A line computed from its index: counts of a few hundred, one cell in nine hidden. */
    private static PublishedRow row(int i) {
        long seed = i * 0x9E3779B97F4A7C15L;
        List<Cell> cells = new java.util.ArrayList<>(CODES.size());
        long total = 0;
        for (int c = 0; c < CODES.size(); c++) {
            seed ^= seed >>> 29;
            seed *= 0xBF58476D1CE4E5B9L;
            int count = (int) ((seed >>> 40) % 500);
            total += count;
            cells.add(count > 0 && count < 11 ? Cell.suppressed(Cell.Suppression.PRIMARY)
                    : count % 9 == 4 ? Cell.suppressed(Cell.Suppression.SECONDARY) : Cell.of(count));
        }
        return new PublishedRow("Z" + i, "Carreau " + i + " — Lille-Hellemmes", cells, Cell.of(total));
    }

    private static Thread sampler() {
        Thread thread = new Thread(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                maxUsedSampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void watchGarbageCollections() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed).sum();
                    maxUsedAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }
}
