package fr.repere.web.platform;

import fr.repere.diagnostic.OrientationPolicy;
import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.rules.DroolsOrientationPolicy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Makes the plain-Java domain objects available to CDI. Built once (all are immutable or
 * thread-safe) and at start-up, so a broken questionnaire or rule base stops the deployment.
 */
@ApplicationScoped
public class DomainWiring {

    @Produces
    @Singleton
    QuestionnaireCatalog questionnaireCatalog() {
        return QuestionnaireCatalog.load();
    }

    @Produces
    @Singleton
    OrientationPolicy orientationPolicy() {
        return new DroolsOrientationPolicy(DomainWiring.class.getClassLoader());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event,
                        QuestionnaireCatalog catalog, OrientationPolicy policy) {
        catalog.current();
    }
}
