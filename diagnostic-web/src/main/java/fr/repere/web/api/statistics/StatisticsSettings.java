package fr.repere.web.api.statistics;

import fr.repere.statistics.DisclosureControl;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The primary suppression threshold, from MicroProfile Config ({@code repere.statistics.threshold},
 * default 11; environment variable {@code REPERE_STATISTICS_THRESHOLD}). Checked at start-up: a
 * value below 3 stops the deployment rather than publish small counts. Produces the
 * {@link DisclosureControl} the core's publication uses.
 */
@ApplicationScoped
public class StatisticsSettings {

    @Inject
    @ConfigProperty(name = "repere.statistics.threshold", defaultValue = "11")
    private int threshold;

    void checkAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        control();
    }

    @Produces
    public DisclosureControl control() {
        try {
            return new DisclosureControl(threshold);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("repere.statistics.threshold = " + threshold + ": " + e.getMessage(), e);
        }
    }
}
