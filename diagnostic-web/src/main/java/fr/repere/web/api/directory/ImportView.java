package fr.repere.web.api.directory;

import fr.repere.directory.DirectoryImport;

import java.util.List;

/**
 * An import as the administrator follows it: its state, progress (0-100), counts, and the report
 * (the first problems, each with its line, column, value and what is wrong, in French).
 */
public record ImportView(String id, String status, String statusLabel, boolean finished, int percent, String createdAt,
                         String finishedAt, String encoding, long fileBytes, boolean importValidLines,
                         String ignoredColumns, int linesChecked, int linesValid, int linesInvalid, int linesStored,
                         int placesCreated, int placesUpdated, int placesUnchanged, int problemCount,
                         boolean reportTruncated, String message, List<ProblemView> problems) {

    public record ProblemView(int line, String field, String value, String message) {
    }

    static ImportView of(DirectoryImport i) {
        List<ProblemView> problems = i.problems().stream()
                .map(p -> new ProblemView(p.line(), p.field(), p.value(), p.message())).toList();
        return new ImportView(i.id(), i.status().name(), i.status().label(), i.status().finished(), i.percent(),
                i.createdAt().toString(), i.finishedAt() == null ? null : i.finishedAt().toString(), i.encoding(),
                i.fileBytes(), i.importValidLines(), i.unknownColumns(), i.linesChecked(), i.linesValid(),
                i.linesInvalid(), i.linesStored(), i.placesCreated(), i.placesUpdated(), i.placesUnchanged(),
                i.problemCount(), i.problemCount() > problems.size(), i.message(), problems);
    }
}
