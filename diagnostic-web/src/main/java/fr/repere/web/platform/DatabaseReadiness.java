package fr.repere.web.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Ready when MariaDB answers through the application's pool and the schema is migrated. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = RepereDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        boolean reachable;
        try (Connection c = dataSource.getConnection()) {
            reachable = c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            reachable = false;
        }
        boolean migrated = reachable && migration.migrate();
        return HealthCheckResponse.named("database")
                .status(reachable && migrated)
                .withData("reachable", reachable)
                .withData("migrated", migrated)
                .build();
    }
}
