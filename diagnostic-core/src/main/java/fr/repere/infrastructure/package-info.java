/** JPA implementations of the domain repositories. */
package fr.repere.infrastructure;
