package fr.repere.web.api.history;

import fr.repere.diagnostic.Diagnostic;
import fr.repere.diagnostic.Draft;
import fr.repere.questionnaire.Dimension;
import fr.repere.scoring.DimensionScore;
import fr.repere.scoring.Level;
import fr.repere.scoring.Progress;
import fr.repere.web.api.diagnostic.DiagnosticView;

import java.util.Arrays;
import java.util.List;

/**
 * A case over time: its diagnostics oldest first, the progress per scored dimension between the
 * last two, and the interviews still in progress (to resume them).
 */
public record HistoryView(String caseRef, List<DiagnosticView> diagnostics, List<ProgressView> progress,
                          List<DraftSummary> drafts) {

    /**
     * How one dimension moved from one diagnostic to the next. {@code trend}: BETTER, SAME, WORSE,
     * or UNKNOWN when either side was not assessed, judged by level as the statistics do
     * ({@link Progress}); {@code change} in points, for information (null if UNKNOWN).
     */
    public record ProgressView(String dimension, String dimensionLabel, Integer fromScore, String fromLevel,
                               String fromLevelLabel, Integer toScore, String toLevel, String toLevelLabel,
                               Integer change, String trend) {
    }

    public record DraftSummary(String id, String startedAt, String updatedAt) {
    }

    static HistoryView of(String caseRef, List<Diagnostic> oldestFirst, List<Draft> drafts) {
        List<ProgressView> progress = oldestFirst.size() < 2 ? List.of()
                : progress(oldestFirst.get(oldestFirst.size() - 2), oldestFirst.get(oldestFirst.size() - 1));
        return new HistoryView(caseRef, oldestFirst.stream().map(DiagnosticView::of).toList(), progress,
                drafts.stream().map(d -> new DraftSummary(d.id().value(), d.startedAt().toString(), d.updatedAt().toString())).toList());
    }

    static List<ProgressView> progress(Diagnostic before, Diagnostic after) {
        return Arrays.stream(Dimension.values()).filter(Dimension::scored).map(dimension -> {
            DimensionScore from = before.scores().of(dimension);
            DimensionScore to = after.scores().of(dimension);
            Integer fromScore = assessed(from) ? from.score() : null;
            Integer toScore = assessed(to) ? to.score() : null;
            Integer change = fromScore == null || toScore == null ? null : toScore - fromScore;
            String trend = Progress.between(level(from), level(to)).name();
            return new ProgressView(dimension.name(), dimension.label(), fromScore, level(from).name(), level(from).label(),
                    toScore, level(to).name(), level(to).label(), change, trend);
        }).toList();
    }

    private static boolean assessed(DimensionScore s) {
        return s != null && s.score() != null && s.level() != Level.NOT_ASSESSED;
    }

    private static Level level(DimensionScore s) {
        return s == null ? Level.NOT_ASSESSED : s.level();
    }
}
