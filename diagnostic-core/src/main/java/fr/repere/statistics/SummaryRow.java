package fr.repere.statistics;

import java.time.LocalDate;

/**
 * One row of the statistics summaries ({@code stat_count}): a count of one category of one measure
 * for one area-period. A publication reads the département by month (level « D ») and the communes
 * over the year (level « C », whose parent is their EPCI, « - » for none).
 *
 * @param level       « D » (département) or « C » (commune)
 * @param unitCode    the département's or the commune's code
 * @param parentCode  for a commune, its EPCI's code (« - » when it belongs to none)
 * @param periodStart the first day of the month (département) or of the year (commune)
 * @param measure     the measure's code ({@link Measure#code()}, or the versions: Q_VERSION, R_VERSION)
 * @param category    the category's code
 * @param n           the count
 */
public record SummaryRow(String level, String unitCode, String parentCode, LocalDate periodStart, String measure,
        String category, long n) {
}
