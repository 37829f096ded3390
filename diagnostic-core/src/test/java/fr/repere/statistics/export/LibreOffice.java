package fr.repere.statistics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless LibreOffice, the reader our exports must open without repair. Its own profile directory
 * (one per instance) keeps it apart from any other LibreOffice running on the machine. Never
 * skipped: without LibreOffice the tests fail and say what to install.
 */
public final class LibreOffice {

    /** « ; » separator, « " » quotes, UTF-8, from line 1, every sheet to its own file (LibreOffice ≥ 7.2). */
    public static final String CSV_EVERY_SHEET = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1";
    /** Import filter for our CSV: « ; » separator, « " » quotes, UTF-8, from line 1. */
    static final String CSV_IMPORT = "CSV:59,34,76,1";

    private final Path executable;
    private final Path profile;

    public LibreOffice(Path work) throws IOException {
        this.executable = locate();
        this.profile = Files.createDirectories(work.resolve("libreoffice-profile"));
    }

    private static Path locate() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "soffice");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail("LibreOffice (soffice) is not on the PATH: the export tests need it to open the files. "
                + "Install the Debian package libreoffice-calc-nogui (./repere test does it through "
                + ".ci/install-test-deps).");
    }

    /**
     * Converts {@code input} and returns the files LibreOffice wrote, after checking it exited with 0
     * and wrote something: a file LibreOffice needs to repair fails here.
     */
    public List<Path> convert(Path input, String target, Path outDir, String... options) throws Exception {
        Files.createDirectories(outDir);
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + profile.toUri()));
        command.addAll(List.of(options));
        command.addAll(List.of("--convert-to", target, "--outdir", outDir.toString(), input.toString()));
        Path log = outDir.resolve("soffice.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // not a timing assertion: only a guard so a hung LibreOffice fails the test instead of the build
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("LibreOffice did not finish converting " + input);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "LibreOffice failed on " + input + ": " + output);
        assertFalse(output.toLowerCase().contains("error"), "LibreOffice reported: " + output);
        List<Path> written;
        try (Stream<Path> files = Files.list(outDir)) {
            written = files.filter(f -> !f.equals(log)).sorted().toList();
        }
        assertFalse(written.isEmpty(), "LibreOffice wrote nothing for " + input + ": " + output);
        for (Path file : written) {
            assertTrue(Files.size(file) > 0, "empty conversion " + file);
        }
        return written;
    }
}
