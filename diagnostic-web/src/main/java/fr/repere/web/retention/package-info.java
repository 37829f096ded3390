/**
 * The retention jobs, run daily: anonymization of dossiers without activity for
 * {@code repere.retention.dossier-months}, purge of journal entries older than
 * {@code repere.retention.journal-months}. The rules are the domain's ({@code fr.repere.dossier}).
 */
package fr.repere.web.retention;
