package fr.repere.web.dev;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demonstration host's own check of Standard Webhooks signatures, on the specification's test vector. */
class DemoHostTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant THEN = Instant.ofEpochSecond(1614265330);

    @Test
    void theSpecificationsVectorIsVerifiedAlsoAmongSeveralSignatures() {
        assertTrue(DemoHost.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE, THEN));
        assertTrue(DemoHost.verify(SECRET, ID, TIMESTAMP, BODY, "v1,b3RoZXItc2VjcmV0 " + SIGNATURE, THEN.plusSeconds(60)));
    }

    @Test
    void anotherBodySecretIdOrAnOldTimestampIsRefused() {
        assertFalse(DemoHost.verify(SECRET, ID, TIMESTAMP, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), SIGNATURE, THEN));
        assertFalse(DemoHost.verify("whsec_" + "A".repeat(32), ID, TIMESTAMP, BODY, SIGNATURE, THEN));
        assertFalse(DemoHost.verify(SECRET, "msg_autre", TIMESTAMP, BODY, SIGNATURE, THEN));
        assertFalse(DemoHost.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE, THEN.plusSeconds(301)), "replayed too late");
        assertFalse(DemoHost.verify(SECRET, ID, TIMESTAMP, BODY, null, THEN));
        assertFalse(DemoHost.verify(SECRET, ID, "pas-un-nombre", BODY, SIGNATURE, THEN));
    }
}
