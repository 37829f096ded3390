package fr.repere.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Directory files for tests: the national header and lines built from a valid one. */
public final class DirectoryFiles {

    public static final String HEADER = String.join(",", PlaceSchema.COLUMNS);

    private DirectoryFiles() {
    }

    /**
     * A valid line of the national format; {@code id}, commune (INSEE code) and services vary.
     * Columns: see {@link PlaceSchema#COLUMNS}.
     */
    public static String line(String id, String nom, String codeInsee, String codePostal, String commune, String lat,
                              String lon, String services, String prises, String frais, String accompagnement) {
        return String.join(",", id, "00000000000000", quote(nom), quote(commune), codePostal, codeInsee,
                quote("1 rue de l'Essai"), "", lat, lon, "EPN", "03 20 00 00 00", "contact@exemple.invalid", "",
                quote("Mo-Fr 09:00-12:00,14:00-17:00"), "Lieu d'essai", "", "Essai", "Fixe", "", "2025-01-15", quote(services),
                "", quote(prises), quote(frais), "", "", "", "Se présenter", quote(accompagnement), "", "");
    }

    public static String simple(String id, String codeInsee, String codePostal, String commune) {
        return line(id, "Lieu " + id, codeInsee, codePostal, commune, "50.63", "3.06", "Aide aux démarches administratives",
                "", "Gratuit", "Accompagnement individuel");
    }

    static String quote(String s) {
        return s.isEmpty() ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    public static Path write(Path dir, List<String> lines, Charset charset, boolean bom) {
        try {
            Path file = Files.createTempFile(dir, "annuaire", ".csv");
            byte[] text = (String.join("\r\n", lines) + "\r\n").getBytes(charset);
            byte[] bytes = bom ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text) : text;
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path dir, List<String> lines) {
        return write(dir, lines, StandardCharsets.UTF_8, false);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
