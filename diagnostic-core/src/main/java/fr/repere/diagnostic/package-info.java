/** The Diagnostic aggregate: answers, scores and the explained orientation, kept with the versions that produced them. */
package fr.repere.diagnostic;
