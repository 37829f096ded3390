/** What a host system (an organisation's case-management software) reads with its key. */
package fr.repere.host;
