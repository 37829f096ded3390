package fr.repere.web.security.launch;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.repere.host.LaunchRefusal;
import fr.repere.host.LaunchRefusedException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which keys an administrator may register, and which signatures they verify. */
class LaunchKeysTest {

    private static final JWTClaimsSet CLAIMS = new JWTClaimsSet.Builder().issuer("https://s.fr").subject("a").build();

    private static SignedJWT es256(ECKey key, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), CLAIMS);
        jwt.sign(new ECDSASigner(key));
        return jwt;
    }

    @Test
    void publicKeysOnlyEachWithItsKeyIdAndStrongEnough() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
        String registered = LaunchKeys.publicKeySet(new JWKSet(List.of(ec.toPublicJWK(), rsa.toPublicJWK())).toString());
        assertEquals(2, JWKSet.parse(registered).getKeys().size());
        assertFalse(registered.contains("\"d\""));
        for (String refused : List.of(new JWKSet(ec).toString(false), // private part
                new JWKSet(new ECKeyGenerator(Curve.P_384).keyID("p384").generate().toPublicJWK()).toString(),
                new JWKSet(new RSAKeyGenerator(1024, true).keyID("small").generate().toPublicJWK()).toString(),
                new JWKSet(new ECKeyGenerator(Curve.P_256).generate().toPublicJWK()).toString(), // no kid
                "{\"keys\": [{\"kty\": \"oct\", \"kid\": \"k\", \"k\": \"c2VjcmV0\"}]}",
                "{\"keys\": []}", "pas du json",
                new JWKSet(List.of(ec.toPublicJWK(), new ECKeyGenerator(Curve.P_256).keyID("ec").generate().toPublicJWK())).toString())) {
            assertThrows(IllegalArgumentException.class, () -> LaunchKeys.publicKeySet(refused), refused);
        }
    }

    @Test
    void theKeyTheHeaderNamesVerifiesTheSignature() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
        String registered = LaunchKeys.publicKeySet(new JWKSet(List.of(ec.toPublicJWK(), rsa.toPublicJWK())).toString());
        LaunchKeys.verify(es256(ec, "ec"), registered);
        SignedJWT rs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa").build(), CLAIMS);
        rs.sign(new RSASSASigner(rsa));
        LaunchKeys.verify(rs, registered);

        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        assertEquals(LaunchRefusal.BAD_SIGNATURE, assertThrows(LaunchRefusedException.class,
                () -> LaunchKeys.verify(es256(stranger, "ec"), registered)).refusal());
        assertEquals(LaunchRefusal.UNKNOWN_KEY, assertThrows(LaunchRefusedException.class,
                () -> LaunchKeys.verify(es256(ec, "autre"), registered)).refusal());
        assertEquals(LaunchRefusal.UNKNOWN_KEY, assertThrows(LaunchRefusedException.class,
                () -> LaunchKeys.verify(es256(ec, null), registered)).refusal(), "no kid: only when the host has one key");
        LaunchKeys.verify(es256(ec, null), LaunchKeys.publicKeySet(new JWKSet(ec.toPublicJWK()).toString()));
        assertEquals(LaunchRefusal.ALGORITHM, assertThrows(LaunchRefusedException.class,
                () -> LaunchKeys.verify(es256(ec, "rsa"), registered)).refusal(), "an ES256 signature never checked with an RSA key");
        assertTrue(SignedJWT.parse(es256(ec, "ec").serialize()).getHeader().getAlgorithm().equals(JWSAlgorithm.ES256));
    }
}
