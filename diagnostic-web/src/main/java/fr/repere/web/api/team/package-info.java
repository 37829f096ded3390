/** The team lead's view of the own team: figures (referrals waiting, refused, expired; overrides; mandates expiring; per worker) and their drill-down to the dossiers, journaled. */
package fr.repere.web.api.team;
