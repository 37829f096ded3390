/**
 * Adapter of the {@link fr.repere.caf.CafData} port on API Particulier v3 (DINUM), the only HTTP
 * access to CAF / MSA data open to collectivités (CAF Pro / CDAP has no API).
 *
 * <p>{@link fr.repere.caf.apiparticulier.ApiParticulierCafData} is the only entry point of the
 * module; it asks the RSA and prime d'activité endpoints, nothing else. The HTTP client (one
 * deadline for headers and body, bodies capped by {@code BoundedBody}), the classification of
 * replies ({@code ReplyMeaning}) and the JSON reading ({@code ApiParticulierMapper}, which reads
 * {@code est_beneficiaire} and error codes only) stay package-private.
 *
 * <p>The identity sent, the payloads received and the provider's error texts are never logged nor
 * copied: reasons and log lines are Repère's own wording, with at most an HTTP status, an error code
 * and exception class names.
 */
package fr.repere.caf.apiparticulier;
