package fr.repere.statistics;

import java.util.List;

/** The reads of the department statistics, over the summaries (query port). */
public interface StatisticsSummaries {

    /** The organisation of the team ('' if none). */
    String organisationOf(String team);

    /** The départements where the organisation has counted diagnostics, by code. */
    List<String> departements(String organisation);

    /** The summary rows one publication reads: the département by month, the communes over the year (non-zero counts). */
    List<SummaryRow> rows(String organisation, String departement, int year);
}
