package fr.repere.directory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The two passes over a directory file, each streaming: {@link #check} reads every line and says
 * what is wrong (keeping the first problems only, so memory stays bounded whatever the file);
 * {@link #validLines} reads it again and hands the valid lines over by batches, to be stored. An
 * {@code id} seen on an earlier line is an error on the later one, in both passes alike; a line
 * that breaks the file (an unclosed quote) is an error and ends the reading.
 */
public final class PlaceFileCheck {

    private final PlaceValidator validator;

    public PlaceFileCheck(PlaceValidator validator) {
        this.validator = validator;
    }

    /** What the check found. */
    public record Outcome(int lines, int valid, List<ImportProblem> firstProblems, int problemCount) {
        public boolean clean() {
            return valid == lines;
        }
    }

    public Outcome check(Path file, int keepProblems, IntConsumer progress) throws IOException {
        int[] counts = new int[3]; // lines, valid, problems
        List<ImportProblem> kept = new ArrayList<>();
        read(file, result -> {
            counts[0]++;
            if (result.valid()) {
                counts[1]++;
            } else {
                counts[2] += result.problems().size();
                result.problems().stream().limit(Math.max(0, keepProblems - kept.size())).forEach(kept::add);
            }
            if (counts[0] % 1000 == 0) {
                progress.accept(counts[0]);
            }
        });
        return new Outcome(counts[0], counts[1], List.copyOf(kept), counts[2]);
    }

    public void validLines(Path file, int batchSize, Consumer<List<PlaceValidator.Result>> batches) throws IOException {
        List<PlaceValidator.Result> batch = new ArrayList<>(batchSize);
        read(file, result -> {
            if (result.valid()) {
                batch.add(result);
                if (batch.size() == batchSize) {
                    batches.accept(List.copyOf(batch));
                    batch.clear();
                }
            }
        });
        if (!batch.isEmpty()) {
            batches.accept(List.copyOf(batch));
        }
    }

    private void read(Path file, Consumer<PlaceValidator.Result> each) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        try (DirectoryFile in = DirectoryFile.open(file)) {
            while (true) {
                DirectoryFile.Line line;
                try {
                    line = in.next();
                } catch (InvalidDirectoryFileException broken) {
                    each.accept(new PlaceValidator.Result(broken.line(), null, null,
                            List.of(new ImportProblem(broken.line(), "(fichier)", null, broken.getMessage()))));
                    return;
                }
                if (line == null) {
                    return;
                }
                PlaceValidator.Result result = validator.check(line);
                String id = line.get("id");
                if (!id.isEmpty()) {
                    Integer first = seen.putIfAbsent(id, line.line());
                    if (first != null) {
                        List<ImportProblem> problems = new ArrayList<>(result.problems());
                        problems.add(new ImportProblem(line.line(), "id", id, "cet identifiant figure déjà ligne " + first
                                + " : chaque lieu doit avoir un id différent (seule la première ligne est gardée)"));
                        result = new PlaceValidator.Result(line.line(), null, null, List.copyOf(problems));
                    }
                }
                each.accept(result);
            }
        }
    }
}
