package fr.repere.web.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.lang.reflect.Method;
import java.time.Duration;

/**
 * Every API request in the metrics ({@code /metrics}, Prometheus text, per node): a timer per method,
 * endpoint (its path template, never an identifier) and status class — so the request rate, the
 * latency and the errors per endpoint. Runs first (before the admission gate) so that refused
 * requests count too, and unknown paths count under the endpoint {@code (aucun)}, since none was matched.
 */
@Provider
@PreMatching
@Priority(0)
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String START = RequestMetrics.class.getName() + ".start";
    private static final Metadata REQUESTS = Metadata.builder().withName("repere_requests")
            .withDescription("Requêtes de l'API : nombre et durée, par méthode, point d'entrée et classe de statut")
            .withUnit(MetricUnits.SECONDS).build();

    @Inject
    private MetricRegistry registry;

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(START) instanceof Long start)) {
            return;
        }
        registry.timer(REQUESTS, new Tag("method", request.getMethod()), new Tag("endpoint", template()),
                        new Tag("status", response.getStatus() / 100 + "xx"))
                .update(Duration.ofNanos(System.nanoTime() - start));
    }

    /** The matched resource's path template, e.g. /api/v1/drafts/{id}; {@code (aucun)} when none matched. */
    private String template() {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || method == null) {
            return "(aucun)";
        }
        String root = type.isAnnotationPresent(Path.class) ? type.getAnnotation(Path.class).value() : "";
        String sub = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
        String joined = ("/api/" + strip(root) + "/" + strip(sub)).replaceAll("/+", "/");
        return joined.endsWith("/") && joined.length() > 1 ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
