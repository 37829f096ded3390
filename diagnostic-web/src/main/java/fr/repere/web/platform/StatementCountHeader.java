package fr.repere.web.platform;

import fr.repere.infrastructure.StatementCounter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers a request's statement count (EclipseLink's calls) and its round trips to MariaDB (a
 * batch is one), when statements are counted (tests only, see {@link StatementCounting}).
 */
@Provider
public class StatementCountHeader implements ContainerResponseFilter {

    public static final String HEADER = "X-Repere-Statements";
    public static final String ROUND_TRIPS = "X-Repere-Round-Trips";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (StatementCounter.installed()) {
            response.getHeaders().putSingle(HEADER, Integer.toString(StatementCounter.count()));
            response.getHeaders().putSingle(ROUND_TRIPS, Integer.toString(RoundTrips.count()));
        }
    }
}
