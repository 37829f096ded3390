package fr.repere.infrastructure;

import fr.repere.statistics.StatisticsSummaries;
import fr.repere.statistics.SummaryRow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** The department statistics read from the summaries in MariaDB ({@code stat_count}, V14) and the teams. */
@ApplicationScoped
public class JpaStatisticsSummaries implements StatisticsSummaries {

    /** The summary rows one publication reads: the département by month, the communes over the year. */
    public static final String ROWS = "SELECT level, unit_code, parent_code, period_start, measure, category, n"
            + " FROM stat_count WHERE organisation_id = ? AND departement_code = ? AND n <> 0 AND ("
            + " (level = 'D' AND period_kind = 'M' AND period_start BETWEEN ? AND ?)"
            + " OR (level = 'C' AND period_kind = 'Y' AND period_start = ?))";

    @PersistenceContext(unitName = "repere")
    private EntityManager em;

    /** For CDI: the container gives the transaction's entity manager. */
    public JpaStatisticsSummaries() {
    }

    public JpaStatisticsSummaries(EntityManager em) {
        this.em = em;
    }

    @Override
    public String organisationOf(String team) {
        List<?> rows = em.createNativeQuery("SELECT organisation_id FROM team WHERE id = ?").setParameter(1, team).getResultList();
        return rows.isEmpty() ? "" : (String) rows.get(0);
    }

    @Override
    public List<String> departements(String organisation) {
        List<?> rows = em.createNativeQuery("SELECT DISTINCT departement_code FROM stat_count WHERE organisation_id = ? AND level = 'D'"
                + " AND period_kind = 'Y' AND n > 0 ORDER BY departement_code").setParameter(1, organisation).getResultList();
        return rows.stream().map(String.class::cast).toList();
    }

    @Override
    public List<SummaryRow> rows(String organisation, String departement, int year) {
        List<?> rows = em.createNativeQuery(ROWS)
                .setParameter(1, organisation).setParameter(2, departement)
                .setParameter(3, Date.valueOf(LocalDate.of(year, 1, 1))).setParameter(4, Date.valueOf(LocalDate.of(year, 12, 1)))
                .setParameter(5, Date.valueOf(LocalDate.of(year, 1, 1)))
                .getResultList();
        return rows.stream().map(r -> row((Object[]) r)).toList();
    }

    /** One row of {@link #ROWS}, its columns in order. */
    public static SummaryRow row(Object[] r) {
        return new SummaryRow((String) r[0], (String) r[1], (String) r[2], toLocalDate(r[3]), (String) r[4], (String) r[5],
                ((Number) r[6]).longValue());
    }

    private static LocalDate toLocalDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
    }
}
