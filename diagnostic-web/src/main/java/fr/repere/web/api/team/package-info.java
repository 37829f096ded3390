/** The team lead's view of the own team over the core use cases (fr.repere.team): figures and their drill-down to the dossiers, journaled. */
package fr.repere.web.api.team;
