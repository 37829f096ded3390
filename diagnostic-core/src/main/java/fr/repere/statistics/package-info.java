/**
 * Department statistics: anonymous aggregates of diagnostics, referrals and unmet needs by fixed
 * territorial and time breakdowns, published only after disclosure control (secret statistique),
 * and their exports. Nothing here names a person, a case or a worker.
 */
package fr.repere.statistics;
