package fr.repere.web.it;

import fr.repere.web.retention.RetentionJobs;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;

/**
 * Test only: runs one retention job as of a given instant ({@code job=dossiers|journal|counters|events},
 * {@code asOf=2026-11-24T10:00:00Z}). Added to the WAR by {@link RetentionIT}'s deployment alone;
 * the built WAR (production, and every other test) has no such route.
 */
@WebServlet("/it/retention")
public class RetentionTrigger extends HttpServlet {

    @Inject
    private RetentionJobs jobs;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Instant asOf = Instant.parse(request.getParameter("asOf"));
        int count = switch (String.valueOf(request.getParameter("job"))) {
            case "journal" -> jobs.purgeJournal(asOf);
            case "counters" -> jobs.purgeLoginCounters(asOf);
            case "events" -> jobs.purgeHostEvents(asOf);
            default -> jobs.anonymizeDossiers(asOf);
        };
        response.setContentType("application/json");
        response.getWriter().write("{\"count\": " + count + "}");
    }
}
