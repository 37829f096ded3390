package fr.repere.web.platform;

import fr.repere.territory.Geography;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.logging.Logger;

/** The administrative geography shipped with Repère, read once at start-up. */
@ApplicationScoped
public class GeographyWiring {

    private static final Logger LOG = Logger.getLogger(GeographyWiring.class.getName());

    @Produces
    @Singleton
    Geography geography() {
        return Geography.shipped();
    }

    void loadAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event, Geography geography) {
        LOG.info(() -> "Geography: " + geography.communeCount() + " communes (" + geography.source() + ")");
    }
}
