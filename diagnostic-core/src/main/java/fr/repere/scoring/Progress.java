package fr.repere.scoring;

import java.util.List;

/**
 * How a person moved on one dimension from one diagnostic to the next: the one definition of
 * progress, used by the dossier's history and by the department statistics. It judges by level,
 * not by score points: a few points within the same level are no progress the worker or the
 * department would count. The statistics compute it in SQL with {@code stat_level_rank} (V14),
 * which ranks the levels in the order of {@link Level}'s constants; {@code StatisticsSummaryIT}
 * checks that both agree on every pair of levels.
 */
public enum Progress {
    BETTER("En progrès"), SAME("Stable"), WORSE("En recul"),
    /** Either side was not assessed. */
    UNKNOWN("Non comparable");

    private final String label;

    Progress(String label) {
        this.label = label;
    }

    /** As the dossier's history and the statistics say it. */
    public String label() {
        return label;
    }

    /** The three a department counts (a diagnostic without a comparable previous one is not counted). */
    public static List<Progress> counted() {
        return List.of(BETTER, SAME, WORSE);
    }

    public static Progress between(Level before, Level after) {
        if (before == null || after == null || before == Level.NOT_ASSESSED || after == Level.NOT_ASSESSED) {
            return UNKNOWN;
        }
        int moved = Integer.compare(before.ordinal(), after.ordinal()); // earlier constants are more autonomous
        return moved > 0 ? BETTER : moved == 0 ? SAME : WORSE;
    }
}
