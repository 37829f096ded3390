/** The published questionnaire definitions, for a UI or a host system to render them. */
package fr.repere.web.api.questionnaire;
