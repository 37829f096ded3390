/** The diagnostics resource: take a diagnostic, read it back. */
package fr.repere.web.api.diagnostic;
