package fr.repere.web.security.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import fr.repere.host.LaunchRefusal;
import fr.repere.host.LaunchRefusedException;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A host's launch keys: what an administrator may register (public ES256 keys on P-256, or RSA
 * keys of 2048 bits at least; never a private part nor a shared secret), and the signature check
 * of a launch token with them. The key is the one the token's header names ({@code kid}); a token
 * without {@code kid} is accepted only when the host has a single key.
 */
public final class LaunchKeys {

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);
    static final int MAX_KEYS = 10;
    static final int MAX_JSON = 20_000;

    private LaunchKeys() {
    }

    /**
     * The registered form of a JWK Set given by an administrator: its public keys, each with a
     * key id.
     *
     * @throws IllegalArgumentException with a French message for the administrator
     */
    public static String publicKeySet(String json) {
        if (json == null || json.isBlank() || json.length() > MAX_JSON) {
            throw new IllegalArgumentException("Les clés publiques (jwks) sont obligatoires : un JWK Set de " + MAX_KEYS
                    + " clés au plus.");
        }
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Les clés publiques (jwks) ne sont pas un JWK Set lisible.");
        }
        if (set.getKeys().isEmpty() || set.getKeys().size() > MAX_KEYS) {
            throw new IllegalArgumentException("Indiquez de 1 à " + MAX_KEYS + " clés publiques.");
        }
        List<JWK> keys = new ArrayList<>();
        for (JWK key : set.getKeys()) {
            if (key.isPrivate()) {
                throw new IllegalArgumentException("Une clé contient sa partie privée : ne transmettez que les clés publiques.");
            }
            if (key.getKeyID() == null || key.getKeyID().isBlank() || key.getKeyID().length() > 255) {
                throw new IllegalArgumentException("Chaque clé doit porter un identifiant (kid).");
            }
            if (key.getKeyUse() != null && key.getKeyUse() != KeyUse.SIGNATURE) {
                throw new IllegalArgumentException("La clé « " + key.getKeyID() + " » n'est pas une clé de signature (use).");
            }
            boolean ec = key instanceof ECKey e && Curve.P_256.equals(e.getCurve());
            boolean rsa = key instanceof RSAKey r && r.size() >= 2048;
            if (!ec && !rsa) {
                throw new IllegalArgumentException("La clé « " + key.getKeyID() + " » n'est ni une clé EC P-256 (ES256) ni une "
                        + "clé RSA d'au moins 2048 bits (RS256).");
            }
            keys.add(key.toPublicJWK());
        }
        if (keys.stream().map(JWK::getKeyID).distinct().count() != keys.size()) {
            throw new IllegalArgumentException("Deux clés portent le même identifiant (kid).");
        }
        return new JWKSet(keys).toString(true);
    }

    /** Verifies the token's signature with the registered keys (a JWK Set's JSON). */
    static void verify(SignedJWT token, String registeredKeys) {
        try {
            verify(token, JWKSet.parse(registeredKeys));
        } catch (ParseException e) {
            throw new IllegalStateException("registered launch keys unreadable", e);
        }
    }

    /** Refuses an algorithm other than ES256 and RS256, before any key is looked for. */
    static void checkAlgorithm(SignedJWT token) {
        JWSAlgorithm algorithm = token.getHeader().getAlgorithm();
        if (!ALGORITHMS.contains(algorithm)) {
            throw new LaunchRefusedException(LaunchRefusal.ALGORITHM, "algorithm " + algorithm);
        }
    }

    /**
     * The keys of a published key set that Repère accepts (as at registration); the others are left
     * out — a key published with its private part above all: anyone could sign with it.
     */
    static JWKSet acceptable(JWKSet published) {
        List<JWK> keys = new ArrayList<>();
        for (JWK key : published.getKeys()) {
            try {
                keys.add(JWKSet.parse(publicKeySet(new JWKSet(key).toString(false))).getKeys().get(0));
            } catch (IllegalArgumentException | ParseException refused) {
                // a key Repère would not register (no kid, weak, not for signing): never used to verify
            }
        }
        return new JWKSet(keys);
    }

    /** Verifies the token's signature with these keys; refuses it as UNKNOWN_KEY, ALGORITHM or BAD_SIGNATURE. */
    static void verify(SignedJWT token, JWKSet keys) {
        checkAlgorithm(token);
        JWSAlgorithm algorithm = token.getHeader().getAlgorithm();
        String kid = token.getHeader().getKeyID();
        List<JWK> candidates = kid == null
                ? (keys.getKeys().size() == 1 ? keys.getKeys() : List.of())
                : keys.getKeys().stream().filter(k -> kid.equals(k.getKeyID())).toList();
        if (candidates.isEmpty()) {
            throw new LaunchRefusedException(LaunchRefusal.UNKNOWN_KEY, "no registered key " + kid);
        }
        JWK key = candidates.get(0);
        try {
            JWSVerifier verifier;
            if (algorithm.equals(JWSAlgorithm.ES256) && key instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec);
            } else if (algorithm.equals(JWSAlgorithm.RS256) && key instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa);
            } else {
                throw new LaunchRefusedException(LaunchRefusal.ALGORITHM, algorithm + " with a " + key.getKeyType() + " key");
            }
            if (!token.verify(verifier)) {
                throw new LaunchRefusedException(LaunchRefusal.BAD_SIGNATURE, "signature of key " + key.getKeyID());
            }
        } catch (JOSEException e) {
            throw new LaunchRefusedException(LaunchRefusal.BAD_SIGNATURE, e.getMessage());
        }
    }
}
