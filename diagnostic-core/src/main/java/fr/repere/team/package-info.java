/**
 * The team lead's view of the own team: figures (referrals waiting, refused, expired; overrides;
 * mandates expiring; per worker) and the dossiers behind each figure. The figures name no one; the
 * dossiers listed are journaled by the caller, one entry per dossier shown.
 */
package fr.repere.team;
