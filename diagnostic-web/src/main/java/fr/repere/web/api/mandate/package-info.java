/** Mandates through the API (Aidants Connect model): prepare, print the attestation, record the signed copy, use, revoke. */
package fr.repere.web.api.mandate;
