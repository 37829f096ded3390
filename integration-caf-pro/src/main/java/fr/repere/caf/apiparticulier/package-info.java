/**
 * Adapter of the {@link fr.repere.caf.CafData} port on API Particulier v3 (DINUM), the only HTTP
 * access to CAF / MSA data open to collectivités (CAF Pro / CDAP has no API).
 *
 * <p>{@link fr.repere.caf.apiparticulier.ApiParticulierCafData} is the only entry point of the
 * module; the HTTP client, the JSON translation and the API's payloads stay package-private. The
 * identity sent and the payloads received are never logged.
 */
package fr.repere.caf.apiparticulier;
