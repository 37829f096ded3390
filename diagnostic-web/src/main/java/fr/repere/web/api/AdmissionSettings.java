package fr.repere.web.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's admission limits (MicroProfile Config; environment REPERE_ADMISSION_CONCURRENT,
 * REPERE_ADMISSION_WAITING, REPERE_ADMISSION_WAIT_MS). The defaults keep the requests worked on at
 * once below the database pool (20 connections), the rest for the scheduled jobs.
 */
@ApplicationScoped
public class AdmissionSettings {

    @Inject
    @ConfigProperty(name = "repere.admission.concurrent", defaultValue = "16")
    int concurrent;

    @Inject
    @ConfigProperty(name = "repere.admission.waiting", defaultValue = "64")
    int waiting;

    @Inject
    @ConfigProperty(name = "repere.admission.wait-ms", defaultValue = "500")
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
