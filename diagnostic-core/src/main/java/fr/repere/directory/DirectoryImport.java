package fr.repere.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The import of one directory file, which runs as a job: every line is checked first
 * ({@link Status#CHECKING}); a file with errors then imports nothing ({@link Status#REJECTED})
 * unless the administrator asked to import the valid lines; otherwise the valid lines are stored
 * by batches ({@link Status#STORING}) and the import ends {@link Status#DONE}, saying how many
 * places were created, changed, or already the same. The report keeps the first
 * {@value #MAX_PROBLEMS} problems, and counts them all.
 */
@Entity
@Table(name = "directory_import")
public class DirectoryImport {

    public static final int MAX_PROBLEMS = 1000;

    public enum Status {
        CHECKING("Vérification des lignes"),
        STORING("Enregistrement des lieux"),
        DONE("Terminé"),
        REJECTED("Refusé : des lignes sont en erreur, rien n'a été importé"),
        FAILED("Échec");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean finished() {
            return this == DONE || this == REJECTED || this == FAILED;
        }
    }

    @Id
    @Column(name = "id", length = 36)
    private String id;
    /** The organisation whose directory it fills: only its administrators read the report. */
    @Column(name = "organisation_id", length = 36, nullable = false, updatable = false)
    private String organisation;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 16, nullable = false)
    private Status status;
    @Column(name = "created_by", length = 64, nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "encoding", length = 32, nullable = false)
    private String encoding;
    @Column(name = "file_bytes", nullable = false)
    private long fileBytes;
    @Column(name = "import_valid_lines", nullable = false)
    private boolean importValidLines;
    @Column(name = "unknown_columns", length = 1000)
    private String unknownColumns;
    @Column(name = "lines_checked", nullable = false)
    private int linesChecked;
    @Column(name = "lines_valid", nullable = false)
    private int linesValid;
    @Column(name = "lines_invalid", nullable = false)
    private int linesInvalid;
    @Column(name = "lines_stored", nullable = false)
    private int linesStored;
    @Column(name = "places_created", nullable = false)
    private int placesCreated;
    @Column(name = "places_updated", nullable = false)
    private int placesUpdated;
    @Column(name = "places_unchanged", nullable = false)
    private int placesUnchanged;
    @Column(name = "problem_count", nullable = false)
    private int problemCount;
    @Column(name = "message", length = 1000)
    private String message;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "directory_import_problem", joinColumns = @JoinColumn(name = "import_id"))
    @OrderColumn(name = "position")
    private List<ProblemLine> problems = new ArrayList<>();

    protected DirectoryImport() {
        // for JPA
    }

    public static DirectoryImport start(String agent, String organisation, DirectoryFile.Encoding encoding, long fileBytes,
                                        List<String> unknownColumns, boolean importValidLines, Instant now) {
        DirectoryImport i = new DirectoryImport();
        i.id = UUID.randomUUID().toString();
        i.organisation = java.util.Objects.requireNonNull(organisation, "organisation");
        i.status = Status.CHECKING;
        i.createdBy = agent;
        i.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        i.encoding = encoding.label();
        i.fileBytes = fileBytes;
        i.importValidLines = importValidLines;
        i.unknownColumns = unknownColumns.isEmpty() ? null : String.join(", ", unknownColumns);
        if (i.unknownColumns != null && i.unknownColumns.length() > 1000) {
            i.unknownColumns = i.unknownColumns.substring(0, 999) + "…";
        }
        return i;
    }

    /** Progress of the check. */
    public void checking(int linesSoFar) {
        linesChecked = linesSoFar;
    }

    /**
     * Every line is checked: keeps the first problems and decides. Returns whether the valid lines
     * are to be stored.
     */
    public boolean checked(int lines, int valid, List<ImportProblem> firstProblems, int allProblems, Instant now) {
        linesChecked = lines;
        linesValid = valid;
        linesInvalid = lines - valid;
        problemCount = allProblems;
        firstProblems.stream().limit(MAX_PROBLEMS).forEach(p -> problems.add(new ProblemLine(p)));
        if (linesInvalid > 0 && !importValidLines) {
            status = Status.REJECTED;
            finishedAt = now.truncatedTo(ChronoUnit.MILLIS);
            message = linesInvalid + " ligne(s) sur " + lines + " en erreur : rien n'a été importé. Corrigez le fichier "
                    + "et importez-le de nouveau, ou demandez l'import des seules lignes valides.";
            return false;
        }
        status = Status.STORING;
        return true;
    }

    /** A batch of valid lines was stored. */
    public void stored(int created, int updated, int unchanged) {
        placesCreated += created;
        placesUpdated += updated;
        placesUnchanged += unchanged;
        linesStored += created + updated + unchanged;
    }

    public void finish(Instant now) {
        status = Status.DONE;
        finishedAt = now.truncatedTo(ChronoUnit.MILLIS);
        message = linesStored + " lieu(x) importé(s) : " + placesCreated + " nouveau(x), " + placesUpdated + " modifié(s), "
                + placesUnchanged + " inchangé(s)" + (linesInvalid > 0 ? " ; " + linesInvalid
                + " ligne(s) en erreur écartée(s)" : "") + ".";
    }

    public void fail(String why, Instant now) {
        status = Status.FAILED;
        finishedAt = now.truncatedTo(ChronoUnit.MILLIS);
        message = why.length() > 1000 ? why.substring(0, 999) + "…" : why;
    }

    /** Progress from 0 to 100: checking counts for the first half when lines are to be stored. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        if (status == Status.CHECKING) {
            return 0;
        }
        return linesValid == 0 ? 100 : 50 + (int) (50L * linesStored / linesValid);
    }

    public String id() {
        return id;
    }

    public String organisation() {
        return organisation;
    }

    public Status status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String encoding() {
        return encoding;
    }

    public long fileBytes() {
        return fileBytes;
    }

    public boolean importValidLines() {
        return importValidLines;
    }

    public String unknownColumns() {
        return unknownColumns;
    }

    public int linesChecked() {
        return linesChecked;
    }

    public int linesValid() {
        return linesValid;
    }

    public int linesInvalid() {
        return linesInvalid;
    }

    public int linesStored() {
        return linesStored;
    }

    public int placesCreated() {
        return placesCreated;
    }

    public int placesUpdated() {
        return placesUpdated;
    }

    public int placesUnchanged() {
        return placesUnchanged;
    }

    public int problemCount() {
        return problemCount;
    }

    public String message() {
        return message;
    }

    public List<ImportProblem> problems() {
        return problems.stream().map(ProblemLine::toProblem).toList();
    }

    @Embeddable
    static class ProblemLine {
        @Column(name = "line", nullable = false)
        int line;
        @Column(name = "field", length = 64, nullable = false)
        String field;
        @Column(name = "value", length = 200)
        String value;
        @Column(name = "message", length = 1000, nullable = false)
        String message;

        protected ProblemLine() {
        }

        ProblemLine(ImportProblem p) {
            line = p.line();
            field = p.field().length() > 64 ? p.field().substring(0, 64) : p.field();
            value = p.value();
            message = p.message().length() > 1000 ? p.message().substring(0, 999) + "…" : p.message();
        }

        ImportProblem toProblem() {
            return new ImportProblem(line, field, value, message);
        }
    }
}
