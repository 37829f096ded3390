package fr.repere.web.platform;

import fr.repere.questionnaire.QuestionnaireCatalog;
import fr.repere.rules.DroolsRuleBaseCompiler;
import fr.repere.ruleset.RuleBaseCompiler;

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
    RuleBaseCompiler ruleBaseCompiler() {
        return new DroolsRuleBaseCompiler(DomainWiring.class.getClassLoader());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event,
                        QuestionnaireCatalog catalog, RuleBaseInForce rules) {
        catalog.current();
        rules.shippedVersion(); // compiles the shipped rules; an organisation's active upload is compiled at its first use
    }
}
