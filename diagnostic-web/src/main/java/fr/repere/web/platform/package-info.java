/** What the application stands on: the MariaDB data source, schema migrations, readiness, wiring of the domain. */
package fr.repere.web.platform;
