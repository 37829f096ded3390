/** Ruleset versions: download the tables in force, upload a new version, activate one. */
package fr.repere.web.api.ruleset;
