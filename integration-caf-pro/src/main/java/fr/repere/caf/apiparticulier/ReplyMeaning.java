package fr.repere.caf.apiparticulier;

import fr.repere.caf.CafLookup.Failure;
import fr.repere.caf.CafLookup.Unavailable;
import fr.repere.caf.apiparticulier.ApiParticulierClient.Reply;
import fr.repere.caf.apiparticulier.ApiParticulierMapper.ApiError;
import fr.repere.caf.apiparticulier.ApiParticulierMapper.MalformedPayloadException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What one complete reply of the RSA or prime d'activité endpoint means: the person receives the
 * benefit or not, the source has no file for her, or the source gave no usable answer (and who can
 * act on it). Reasons are Repère's own wording, with at most the HTTP status and the API's error
 * code; the provider's text is never read.
 *
 * <ul>
 *   <li>200: {@code data.est_beneficiaire}; unreadable (HTML from a proxy, no boolean) → UNEXPECTED.</li>
 *   <li>404 with a documented "no file" code ({@link #NO_FILE_CODES}) → no file. Any other 404,
 *       without error code included → UNEXPECTED.</li>
 *   <li>429, or a failure status with {@code Retry-After} or {@code meta.retry_in} → RATE_LIMITED with
 *       that wait ({@code RateLimit-Reset} only gives the wait of a 429: API Particulier sends it with
 *       every answer, it does not ask to wait by itself).</li>
 *   <li>500, 502, 503, 504 → PROVIDER_DOWN; 401, 403 → CONFIGURATION; 400, 422 → IDENTITY_REFUSED;
 *       redirects and any other status → UNEXPECTED.</li>
 * </ul>
 */
final class ReplyMeaning {

    /**
     * 404 codes meaning "no file for this identity". From the OpenAPI description
     * (src/test/resources/api-particulier/api-particulier-openapi-v3.yml), {@code responses.404} of
     * {@code /v3/dss/prime_activite/identite} and {@code /v3/dss/revenu_solidarite_active/identite}
     * ("Dossier allocataire inexistant"):
     * <ul>
     *   <li>{@code 10003} « Dossier allocataire absent MSA »;</li>
     *   <li>{@code 23003} « Dossier allocataire absent CNAF »;</li>
     * </ul>
     * and {@code 37003}, the code of the staging 404 of both endpoints (fixtures {@code 404.yaml},
     * « Entité non trouvée », "Dossier allocataire inexistant", provider CNAV).
     * Not {@code 35003}: the description gives it both to « Allocataire non référencé » and to
     * « Erreur inattendue »; a code that may mean a failure cannot tell "no file". A 404 without
     * error body is undocumented (every documented 404 carries an {@code Error}): it may come from
     * a wrong base address or a proxy, so it is not taken as "no file" either.
     */
    static final Set<String> NO_FILE_CODES = Set.of("10003", "23003", "37003");

    private ReplyMeaning() {
    }

    /** Outcome of one call. */
    sealed interface Part {
    }

    /** The source answered: the person receives the benefit, or not. */
    record Answered(boolean beneficiary) implements Part {
    }

    /** The source has no file for this identity. */
    record NoFile() implements Part {
    }

    /** No usable answer. */
    record Failed(Unavailable unavailable) implements Part {
    }

    /**
     * @param what       the benefit, in Repère's words ("RSA")
     * @param receivedAt the moment the reply arrived, to count a {@code Retry-After} date from
     */
    static Part of(String what, Reply reply, Instant receivedAt) {
        int status = reply.status();
        if (status == 200) {
            try {
                return new Answered(ApiParticulierMapper.beneficiary(reply.body()));
            } catch (MalformedPayloadException e) {
                return failed(Failure.UNEXPECTED, "réponse illisible d'API Particulier (HTTP 200, " + what + ")", null);
            }
        }
        Optional<ApiError> error = ApiParticulierMapper.firstError(reply.body());
        String code = error.map(ApiError::code).orElse(null);
        if (status == 404 && code != null && NO_FILE_CODES.contains(code)) {
            return new NoFile();
        }
        String detail = "HTTP " + status + (code == null ? "" : ", erreur " + code) + ", " + what;
        Duration wait = status == 429
                ? ApiParticulierClient.retryAfter(reply.headers(), receivedAt)
                : ApiParticulierClient.retryAfterHeader(reply.headers(), receivedAt);
        if (wait == null) {
            wait = error.map(ApiError::retryIn).orElse(null);
        }
        if (status == 429) {
            return failed(Failure.RATE_LIMITED, "trop de requêtes vers API Particulier (" + detail + ")", wait);
        }
        if (wait != null) {
            return failed(Failure.RATE_LIMITED, "API Particulier demande d'attendre (" + detail + ")", wait);
        }
        return switch (status) {
            case 500, 502, 503, 504 ->
                    failed(Failure.PROVIDER_DOWN, "API Particulier ou son fournisseur indisponible (" + detail + ")", null);
            case 401 -> failed(Failure.CONFIGURATION, "jeton API Particulier refusé (" + detail + ")", null);
            case 403 -> failed(Failure.CONFIGURATION, "habilitation API Particulier insuffisante (" + detail + ")", null);
            case 400, 422 -> failed(Failure.IDENTITY_REFUSED,
                    "identité refusée par API Particulier (" + detail + ") : vérifiez l'état civil", null);
            default -> failed(Failure.UNEXPECTED, "réponse inattendue d'API Particulier (" + detail + ")", null);
        };
    }

    static Failed failed(Failure failure, String reason, Duration retryAfter) {
        return new Failed(new Unavailable(failure, reason, retryAfter));
    }
}
