package fr.repere.web.dev;

import fr.repere.statistics.Breakdown;
import fr.repere.statistics.DisclosureControl;
import fr.repere.statistics.Publication;
import fr.repere.statistics.PublishedTable;
import fr.repere.statistics.StatisticsPublication;
import fr.repere.statistics.SummaryRow;
import fr.repere.infrastructure.JpaStatisticsSummaries;
import fr.repere.territory.Geography;
import fr.repere.web.it.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On demand, not part of the build (its name does not end in IT):
 * {@code mvn -B -o -pl diagnostic-web -am verify -Dtest='NoSuch*' -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=StatisticsBench}
 * ({@code -Drepere.bench.count=1000000} by default). Generates the diagnostics in the Nord (59)
 * over 2025-2026 in the test database, then times, in the same run, the dashboard of 2026 by
 * commune (summary rows read + every measure's tree built and protected) against the raw GROUP BY
 * over the base tables that computes the same leaves: one warm-up run, then 7 timed runs each, medians
 * printed and written to target/statistics-bench.txt. The embedded server's buffer pool is raised
 * to 1 GB first. At a million diagnostics the raw GROUP BY takes minutes per run:
 * {@code -Drepere.bench.raw-runs=2} times it twice (after its warm-up) instead of 7 times.
 * Generating a million diagnostics takes about twenty minutes: {@code -Dit.db.keep=true
 * -Dit.db.dir=DIR} keeps the test database in DIR (a copy of a previous run's target/it-db), and
 * the generation is skipped when the database already holds the diagnostics asked for.
 */
class StatisticsBench {

    private static final String DEPARTEMENT = "59";
    private static final int YEAR = 2026;
    private static final int RUNS = 7;

    @Test
    void theDashboardOverAMillionDiagnosticsAgainstTheRawGroupBy() throws Exception {
        int count = Integer.getInteger("repere.bench.count", 1_000_000);
        Geography geography = Geography.shipped();
        // the embedded server starts with a 64 MB buffer pool (enough for the tests); a million
        // diagnostics with random UUID keys need more, as any production server has
        try (Connection admin = java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + TestDatabase.server().port() + "/",
                EmbeddedMariaDb.ADMIN, EmbeddedMariaDb.ADMIN_PASSWORD); Statement s = admin.createStatement()) {
            s.execute("SET GLOBAL innodb_buffer_pool_size = 1073741824");
        }
        try (Connection c = TestDatabase.connectAsOwner()) { // the generator rebuilds the statistics (CALL stat_rebuild)
            long generating = System.nanoTime();
            long already = generated(c);
            if (already < count) {
                new StatisticsGenerator(1).generate(c, geography, DEPARTEMENT, (int) (count - already), YEAR - 1, YEAR);
            }
            long generated = (System.nanoTime() - generating) / 1_000_000;
            c.setAutoCommit(true);
            DisclosureControl control = new DisclosureControl(11);
            int rawRuns = Integer.getInteger("repere.bench.raw-runs", RUNS);
            long[] dashboard = new long[RUNS];
            long[] reading = new long[RUNS];
            long[] raw = new long[rawRuns];
            int tables = 0;
            int summaryRows = 0;
            long rawRows = 0;
            // interleaved while both run, so that neither profits alone from a quieter machine
            for (int run = -1; run < RUNS; run++) {
                long t0 = System.nanoTime();
                List<SummaryRow> rows = summaryRows(c);
                long read = System.nanoTime();
                summaryRows = rows.size();
                Publication publication = StatisticsPublication.publication(rows, geography, "Nord (59)", YEAR,
                        Breakdown.COMMUNE_ANNEE, control, LocalDate.now());
                List<PublishedTable> published = publication.tables();
                long t1 = System.nanoTime();
                if (rawRuns > 0 && run < rawRuns) {
                    rawRows = rawGroupBy(c);
                }
                long t2 = System.nanoTime();
                if (run >= 0) {
                    dashboard[run] = (t1 - t0) / 1_000;
                    reading[run] = (read - t0) / 1_000;
                    if (run < rawRuns) {
                        raw[run] = (t2 - t1) / 1_000;
                    }
                }
                tables = published.size();
            }
            double d = median(dashboard) / 1000.0;
            double r = rawRuns == 0 ? Double.NaN : median(raw) / 1000.0;
            String report = String.format("%d diagnostics (generated and summarised in %d s%s); 2026 by commune, %d tables:%n"
                    + "  dashboard (summary rows read + disclosure control + methodology): median %.1f ms"
                    + " (reading the %d summary rows: median %.1f ms)%n"
                    + "  raw GROUP BY on the base tables (%d rows), %d timed runs: median %.1f ms%n"
                    + "  ratio dashboard / raw: %.3f%n", count, generated / 1000,
                    already >= count ? ", reused from a previous run" : "", tables, d, summaryRows, median(reading) / 1000.0, rawRows, rawRuns, r, d / r);
            System.out.print(report);
            Files.writeString(Path.of("target", "statistics-bench.txt"), report);
            assertTrue(tables > 0);
        }
    }

    /** How many diagnostics of the generator's organisation the database holds already. */
    private static long generated(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM diagnostic d JOIN team t ON t.id = d.team_id"
                + " WHERE t.organisation_id = ?")) {
            s.setString(1, StatisticsGenerator.ORGANISATION);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<SummaryRow> summaryRows(Connection c) throws SQLException {
        List<SummaryRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(JpaStatisticsSummaries.ROWS)) {
            s.setString(1, StatisticsGenerator.ORGANISATION);
            s.setString(2, DEPARTEMENT);
            s.setDate(3, Date.valueOf(LocalDate.of(YEAR, 1, 1)));
            s.setDate(4, Date.valueOf(LocalDate.of(YEAR, 12, 1)));
            s.setDate(5, Date.valueOf(LocalDate.of(YEAR, 1, 1)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(JpaStatisticsSummaries.row(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7)}));
                }
            }
        }
        return rows;
    }

    /** The same leaves straight from the base tables: the département by month and the communes over the year. */
    private static long rawGroupBy(Connection c) throws SQLException {
        String contributions = "SELECT d.id AS diagnostic_id, 'PRIMARY' AS measure, d.primary_orientation AS category FROM diagnostic d"
                + " UNION ALL SELECT id, 'FINAL', final_orientation FROM diagnostic WHERE final_orientation IS NOT NULL"
                + " UNION ALL SELECT id, 'OVERRIDE', IF(overridden, 'OVERRIDDEN', 'FOLLOWED') FROM diagnostic WHERE final_orientation IS NOT NULL"
                + " UNION ALL SELECT diagnostic_id, 'AGE', option_code FROM diagnostic_answer WHERE question_code = 'CTX_AGE'"
                + " UNION ALL SELECT diagnostic_id, CONCAT('LEVEL_', dimension), level FROM diagnostic_score"
                + " UNION ALL SELECT diagnostic_id, 'ACTION', action FROM diagnostic_action"
                + " UNION ALL SELECT diagnostic_id, 'UNMET', service FROM unmet_need WHERE diagnostic_id IS NOT NULL"
                + " UNION ALL SELECT diagnostic_id, 'REFERRAL', status FROM referral";
        String sql = "SELECT IF(g.k = 0, 'D', 'C'), IF(g.k = 0, dt.departement_code, dt.commune_code),"
                + " IF(g.k = 0, MONTH(d.taken_at), 0), x.measure, x.category, COUNT(*)"
                + " FROM diagnostic d JOIN diagnostic_territory dt ON dt.diagnostic_id = d.id JOIN team t ON t.id = d.team_id"
                + " JOIN (" + contributions + ") x ON x.diagnostic_id = d.id CROSS JOIN (SELECT 0 AS k UNION ALL SELECT 1) g"
                + " WHERE t.organisation_id = ? AND dt.departement_code = ? AND d.taken_at >= ? AND d.taken_at < ?"
                + " GROUP BY 1, 2, 3, 4, 5";
        long rows = 0;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, StatisticsGenerator.ORGANISATION);
            s.setString(2, DEPARTEMENT);
            s.setDate(3, Date.valueOf(LocalDate.of(YEAR, 1, 1)));
            s.setDate(4, Date.valueOf(LocalDate.of(YEAR + 1, 1, 1)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
        }
        return rows;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        // the lower median: with two raw runs, the faster one (the comparison does not flatter the summaries)
        return sorted[(sorted.length - 1) / 2];
    }
}
