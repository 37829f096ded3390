/** A person's dossier over time: the diagnostics of one case and the progress per dimension between them. */
package fr.repere.web.api.history;
