/** CAF/MSA data through API Particulier, with the person's consent, never blocking the interview. */
package fr.repere.web.api.caf;
