/** Interviews saved as they go: start a draft, record answers, complete it into a diagnostic. */
package fr.repere.web.api.draft;
