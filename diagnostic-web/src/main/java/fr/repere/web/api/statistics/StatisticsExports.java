package fr.repere.web.api.statistics;

import fr.repere.statistics.Publication;
import fr.repere.statistics.PublishedTable;
import fr.repere.statistics.export.StatisticsCsv;
import fr.repere.statistics.export.StatisticsWorkbook;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Export jobs: the publication is computed in the request (it is small and already protected),
 * the file is written on the container's managed executor into a temporary file, with its
 * progress. Jobs live in this node's memory: an export is asked, followed and downloaded within
 * minutes, and a lost job is simply asked again. The file is deleted once downloaded, when the job
 * fails, after {@link #KEEP} without download (checked every five minutes), and when the
 * application stops.
 */
@ApplicationScoped
public class StatisticsExports {

    static final Duration KEEP = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(StatisticsExports.class.getName());

    public enum Format {
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
        CSV("application/zip", ".zip");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    public enum State { EN_COURS, PRET, ECHEC }

    /** One export: who asked (only they can follow and download it), its state, progress and file. */
    public static final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final Format format;
        final String fileName;
        final Instant createdAt;
        volatile State state = State.EN_COURS;
        volatile int progress;
        volatile Path file;

        Job(String owner, Format format, String fileName, Instant createdAt) {
            this.owner = owner;
            this.format = format;
            this.fileName = fileName;
            this.createdAt = createdAt;
        }

        public String id() {
            return id;
        }

        public State state() {
            return state;
        }

        public int progress() {
            return progress;
        }

        public String fileName() {
            return fileName;
        }

        public String contentType() {
            return format.contentType;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    /** Files not downloaded go after {@link #KEEP}, checked every five minutes. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        scheduler.scheduleAtFixedRate(this::purgeExpired, 5, 5, TimeUnit.MINUTES);
    }

    @Inject
    private Clock clock;

    public Job start(String owner, Publication publication, Format format, String baseName) {
        purgeExpired();
        Job job = new Job(owner, format, baseName + format.extension, clock.instant());
        jobs.put(job.id, job);
        executor.submit(() -> run(job, publication));
        return job;
    }

    void run(Job job, Publication publication) {
        Path file = null;
        try {
            file = Files.createTempFile("repere-statistiques-", job.format.extension);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                if (job.format == Format.XLSX) {
                    StatisticsWorkbook.write(publication, out, percent -> job.progress = Math.min(99, percent));
                } else {
                    writeCsvZip(publication, out, job);
                }
            }
            job.file = file;
            job.progress = 100;
            job.state = State.PRET;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "statistics export " + job.id + " failed", e);
            delete(file);
            job.state = State.ECHEC;
        }
    }

    /** One CSV per table, in a zip: French spreadsheets open each one directly. */
    private static void writeCsvZip(Publication publication, OutputStream out, Job job) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        int done = 0;
        for (PublishedTable table : publication.tables()) {
            zip.putNextEntry(new ZipEntry(table.key() + ".csv"));
            StatisticsCsv.write(table, publication.methodology().threshold(), new NonClosing(zip));
            zip.closeEntry();
            job.progress = Math.min(99, ++done * 100 / publication.tables().size());
        }
        zip.finish();
    }

    /** Lets the CSV writer close its stream without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** The caller's own job, if it exists and has not expired. */
    public Optional<Job> find(String owner, String id) {
        purgeExpired();
        Job job = jobs.get(id);
        return job != null && job.owner.equals(owner) ? Optional.of(job) : Optional.empty();
    }

    /** Hands the file over once: the job is forgotten and the file deleted after the copy. */
    public Optional<Job> takeForDownload(String owner, String id) {
        Optional<Job> job = find(owner, id).filter(j -> j.state == State.PRET);
        job.ifPresent(j -> jobs.remove(j.id));
        return job;
    }

    public static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot delete " + file, e);
        }
    }

    void purgeExpired() {
        Instant limit = clock.instant().minus(KEEP);
        jobs.values().removeIf(job -> {
            if (job.createdAt.isBefore(limit) && job.state != State.EN_COURS) {
                delete(job.file);
                return true;
            }
            return false;
        });
    }

    @PreDestroy
    void deleteAll() {
        jobs.values().forEach(job -> delete(job.file));
        jobs.clear();
    }

    int activeFiles() {
        return (int) jobs.values().stream().filter(j -> j.file != null).count();
    }
}
