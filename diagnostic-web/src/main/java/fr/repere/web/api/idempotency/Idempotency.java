package fr.repere.web.api.idempotency;

import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a creating request at most once per Idempotency-Key: a replay with the same body gets the
 * first response (201 again, nothing created); the same key with another body gets 422; a
 * duplicate arriving while the first is still running waits for it and replays its answer
 * ({@link IdempotencyStore}); a claim left in progress by an older version is answered 409.
 */
@ApplicationScoped
public class Idempotency {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    private IdempotencyStore store;

    /**
     * @param scope whose keys these are (the agent): the same key sent by two callers are two keys,
     *              and one never gets the other's response
     */
    @Transactional(Transactional.TxType.NEVER)
    public Response execute(String scope, String key, String method, String path, byte[] body,
                            Supplier<StoredResponse> action) {
        if (key == null) {
            return action.get().toResponse();
        }
        String given = unquote(key);
        if (!KEY.matcher(given).matches()) {
            throw new ProblemException(Problem.of("invalid-idempotency-key", "Clé d'idempotence invalide", 400,
                    "L'en-tête Idempotency-Key doit contenir 1 à 255 caractères ASCII visibles."));
        }
        String fingerprint = fingerprint(method, path, body);
        IdempotencyStore.Outcome outcome = store.claimAndRun(scopedKey(scope, given), fingerprint, action);
        return outcome.earlier() != null ? replay(outcome.earlier(), fingerprint) : outcome.produced().toResponse();
    }

    private static Response replay(IdempotencyStore.Entry entry, String fingerprint) {
        if (!entry.fingerprint().equals(fingerprint)) {
            throw new ProblemException(Problem.of("idempotency-key-reused", "Clé d'idempotence déjà utilisée", 422,
                    "Cette clé Idempotency-Key a déjà servi pour une autre requête : utilisez une nouvelle clé."));
        }
        if (entry.state() == IdempotencyStore.State.IN_PROGRESS) {
            throw new ProblemException(Problem.of("idempotency-key-in-use", "Requête déjà en cours", 409,
                    "Une requête avec la même clé Idempotency-Key est en cours de traitement : réessayez dans un instant."));
        }
        return Response.fromResponse(entry.response().toResponse()).header("Idempotent-Replayed", "true").build();
    }

    /** Structured-field string form "…" is accepted as well as the bare token. */
    private static String unquote(String key) {
        String k = key.strip();
        return k.length() >= 2 && k.startsWith("\"") && k.endsWith("\"") ? k.substring(1, k.length() - 1) : k;
    }

    /** The stored key: SHA-256 of the scope and the client's key, so it fits and reveals neither. */
    static String scopedKey(String scope, String key) {
        return sha256((scope + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
