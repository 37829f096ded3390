package fr.repere.journal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The journal's name for a person's dossier: a keyed hash (HMAC-SHA-256) of the team and the
 * host's case reference. The same dossier always gets the same pseudonym, so the journal can be
 * searched for one person on request, but the journal alone does not reveal the case reference.
 */
public final class DossierPseudonym {

    private final SecretKeySpec key;

    public DossierPseudonym(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the pseudonymisation secret needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String of(String team, String caseRef) {
        if (caseRef == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // length-prefixed, so that no two (team, case) pairs give the same input
            byte[] digest = mac.doFinal((team.length() + ":" + team + caseRef).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
