package fr.repere.web.platform;

import fr.repere.infrastructure.StatementCounter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * For the integration tests' statement budgets only: when the setting
 * {@code repere.statement-count} is true (false by default; the integration tests set
 * {@code REPERE_STATEMENT_COUNT=true}), counts the SQL statements of each request
 * ({@link StatementCounter}): {@link StatementCountReset} starts the count when the container
 * begins a request (before authentication), {@link StatementCountHeader} answers it in the header
 * {@value StatementCountHeader#HEADER} once the resource has answered (resources write their JSON
 * themselves, inside the request, so nothing reads the database after it). Off, nothing is
 * installed: no listener on the persistence unit, no header.
 */
@ApplicationScoped
public class StatementCounting {

    static boolean enabled() {
        return ConfigProvider.getConfig().getOptionalValue("repere.statement-count", Boolean.class).orElse(false);
    }

    void installAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event, StatementCounter counter) {
        if (enabled()) {
            counter.install();
        }
    }
}
