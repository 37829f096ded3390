/**
 * A person's dossier in a team (its diagnostics and interviews in progress, named by the host
 * software's case reference) and what the law asks of it: anonymization after a period without
 * activity ({@link fr.repere.dossier.DossierRetention}), erasure on request
 * ({@link fr.repere.dossier.DossierErasure}), and the retention periods themselves.
 */
package fr.repere.dossier;
