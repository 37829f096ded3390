package fr.repere.web.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's admission limits (MicroProfile Config; environment REPERE_ADMISSION_CONCURRENT,
 * REPERE_ADMISSION_WAITING, REPERE_ADMISSION_WAIT_MS). The defaults were measured on two cores
 * (docs/performance.md): 8 at once keeps both cores busy (a request is mostly CPU: Payara, then
 * MariaDB) while well below the database pool (20 connections, the rest for the scheduled jobs);
 * 16 waiting for at most 100 ms bound an accepted request's wait. With 16 at once, 64 waiting and
 * 500 ms, the node served as much but its accepted requests' p99 was ~1 s instead of ~0.4 s.
 */
@ApplicationScoped
public class AdmissionSettings {

    @Inject
    @ConfigProperty(name = "repere.admission.concurrent", defaultValue = "8")
    int concurrent;

    @Inject
    @ConfigProperty(name = "repere.admission.waiting", defaultValue = "16")
    int waiting;

    @Inject
    @ConfigProperty(name = "repere.admission.wait-ms", defaultValue = "100")
    long waitMillis;

    private AdmissionGate gate;

    @PostConstruct
    void create() {
        gate = new AdmissionGate(concurrent, waiting, waitMillis);
    }

    public AdmissionGate gate() {
        return gate;
    }
}
