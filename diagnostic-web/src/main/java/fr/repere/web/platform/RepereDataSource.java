package fr.repere.web.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The MariaDB data source. Settings come from MicroProfile Config (environment variables DB_URL,
 * DB_USER, DB_PASSWORD override META-INF/microprofile-config.properties). Connections are
 * validated when taken from the pool and the whole pool is dropped on a failure, so the
 * application recovers by itself when the database comes back.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = RepereDataSource.JNDI_NAME,
        className = "org.mariadb.jdbc.MariaDbDataSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 1,
        maxPoolSize = 20,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=5000",
                "fish.payara.connection-creation-retry-attempts=0"
        })
public class RepereDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/repere";
}
