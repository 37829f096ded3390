/**
 * A person's rights on their dossier: export of everything Repère holds (right of access) and
 * erasure on request. The case reference travels in the body, never in the URL.
 */
package fr.repere.web.api.dossier;
