package fr.repere.web.api.statistics;

import fr.repere.statistics.Breakdown;
import fr.repere.statistics.Publication;
import fr.repere.statistics.StatisticsPublication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The transaction boundary of the department statistics: each read of the analyst's resource in
 * its own transaction, over {@link StatisticsPublication} (the use cases, in core).
 */
@ApplicationScoped
public class DepartmentStatistics {

    @Inject
    private StatisticsPublication publication;

    /** The organisation of the analyst's team ('' if none). */
    @Transactional
    public String organisationOf(String team) {
        return publication.organisationOf(team);
    }

    /** The départements where the organisation has counted diagnostics, by code. */
    @Transactional
    public List<String> departements(String organisation) {
        return publication.departements(organisation);
    }

    @Transactional
    public Publication publish(String organisation, String departement, int year, Breakdown breakdown) {
        return publication.publish(organisation, departement, year, breakdown);
    }
}
