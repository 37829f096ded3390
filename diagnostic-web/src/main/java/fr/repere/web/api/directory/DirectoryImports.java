package fr.repere.web.api.directory;

import fr.repere.directory.DirectoryFile;
import fr.repere.directory.DirectoryImport;
import fr.repere.directory.InvalidDirectoryFileException;
import fr.repere.directory.PlaceFileCheck;
import fr.repere.directory.PlaceValidator;
import fr.repere.territory.Geography;
import fr.repere.web.api.JsonBodies;
import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;
import fr.repere.web.security.Caller;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts imports of directory files and runs them as jobs on the container's managed executor:
 * the upload is copied to a temporary file (never held in memory), its header checked at once (a
 * file that is not in the national format is refused before any job), then the job checks every
 * line and stores the valid ones by batches of {@value #BATCH}, each in its own transaction, with
 * its progress in the database (so any node answers how far it is).
 */
@ApplicationScoped
public class DirectoryImports {

    static final int BATCH = 500;
    /** Far above the national file (about 15 MB for every place of France). */
    static final long MAX_BYTES = 200L * 1024 * 1024; // as BodySizeLimit
    private static final Logger LOG = Logger.getLogger(DirectoryImports.class.getName());

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private ImportSteps steps;

    @Inject
    private Geography geography;

    @Inject
    private Clock clock;

    public DirectoryImport start(Caller caller, InputStream body, boolean importValidLines) {
        String organisation = steps.organisationOf(caller);
        Path file = spool(body);
        try {
            DirectoryImport started;
            try (DirectoryFile in = DirectoryFile.open(file)) {
                started = DirectoryImport.start(caller.agentId(), organisation, in.encoding(), Files.size(file), in.unknownColumns(),
                        importValidLines, clock.instant());
            }
            steps.create(caller, started);
            executor.submit(() -> run(started.id(), file));
            return started;
        } catch (InvalidDirectoryFileException e) {
            delete(file);
            throw new ProblemException(Problem.of("invalid-directory-file", "Fichier non reconnu", 422, e.getMessage()));
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    void run(String id, Path file) {
        long started = System.nanoTime();
        try {
            PlaceFileCheck check = new PlaceFileCheck(new PlaceValidator(geography));
            PlaceFileCheck.Outcome outcome = check.check(file, DirectoryImport.MAX_PROBLEMS, lines -> steps.checking(id, lines));
            if (steps.checked(id, outcome)) {
                check.validLines(file, BATCH, batch -> steps.store(id, batch));
                steps.finish(id);
            }
            LOG.info(() -> "Directory import " + id + ": " + outcome.lines() + " lines, " + outcome.valid() + " valid, in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Directory import " + id + " failed", e);
            try {
                steps.fail(id, "L'import s'est interrompu (" + e.getClass().getSimpleName() + ") : les lots déjà "
                        + "enregistrés le restent ; importez le fichier de nouveau pour terminer.");
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "cannot record the failure of import " + id, again);
            }
        } finally {
            delete(file);
        }
    }

    private static Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("repere-annuaire-", ".csv");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n = body.read(buffer); n != -1; n = body.read(buffer)) {
                    total += n;
                    if (total > MAX_BYTES) {
                        out.close();
                        delete(file);
                        throw JsonBodies.tooLarge((int) Math.min(Integer.MAX_VALUE, MAX_BYTES));
                    }
                    out.write(buffer, 0, n);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot delete " + file, e);
        }
    }
}
