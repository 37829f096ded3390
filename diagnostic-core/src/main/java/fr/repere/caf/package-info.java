/**
 * CAF / MSA data about a person, as far as the orientation needs it: the port {@link fr.repere.caf.CafData},
 * the identity it is asked with ({@link fr.repere.caf.CivilStatus}) and the minimised answer
 * ({@link fr.repere.caf.CafSituation}). Plain Java: the adapter (API Particulier v3) lives in integration-caf-pro.
 */
package fr.repere.caf;
