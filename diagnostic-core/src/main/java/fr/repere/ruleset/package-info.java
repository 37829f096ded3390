/**
 * Ruleset versions owned by the department: decision tables uploaded, compiled and checked before
 * they can be activated; the previous versions stay and can be reactivated.
 */
package fr.repere.ruleset;
