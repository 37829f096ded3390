package fr.repere.web.it;

import fr.repere.web.schedule.ClusterJobs;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test only: wakes a probe job up as a node's scheduler would ({@code name}, {@code periodSeconds},
 * {@code fail=true} for a job that throws), through {@link ClusterJobs}; answers whether it ran and
 * how many times the probe's work ran in this node. Added to the WAR by {@link ClusterJobsIT} alone.
 */
@WebServlet("/it/cluster-job")
public class ClusterJobTrigger extends HttpServlet {

    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    @Inject
    private ClusterJobs cluster;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        boolean fail = Boolean.parseBoolean(request.getParameter("fail"));
        AtomicInteger runs = RUNS.computeIfAbsent(name, n -> new AtomicInteger());
        boolean ran = cluster.runOnce(name, Duration.ofSeconds(Long.parseLong(request.getParameter("periodSeconds"))), () -> {
            runs.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("the probe job fails, as asked");
            }
        });
        response.setContentType("application/json");
        response.getWriter().write("{\"ran\": " + ran + ", \"runs\": " + runs.get() + "}");
    }
}
