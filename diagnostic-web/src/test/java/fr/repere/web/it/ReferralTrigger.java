package fr.repere.web.it;

import fr.repere.web.api.referral.ReferralJobs;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;

/**
 * Test only: runs the referral jobs (expiry, reminder) as of a given instant
 * ({@code asOf=2026-11-24T10:00:00Z}). Added to the WAR by the deployments of {@link ReferralIT}
 * and {@link TeamDashboardIT} alone; the built WAR has no such route.
 */
@WebServlet("/it/referrals")
public class ReferralTrigger extends HttpServlet {

    @Inject
    private ReferralJobs jobs;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int[] counts = jobs.runAsOf(Instant.parse(request.getParameter("asOf")));
        response.setContentType("application/json");
        response.getWriter().write("{\"reminded\": " + counts[0] + ", \"expired\": " + counts[1] + "}");
    }
}
