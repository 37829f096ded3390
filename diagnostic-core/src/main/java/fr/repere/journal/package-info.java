/**
 * The audit journal: who read or changed which dossier, when, with what outcome. Append-only by
 * construction (no setter, no update path) and in the database (triggers); never answers or free
 * text, only pseudonymous dossier ids.
 */
package fr.repere.journal;
