package fr.repere.webhook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    /** The Standard Webhooks reference libraries' test vector (also checked with openssl, docs/integration.md). */
    @Test
    void signsAsTheStandardWebhooksReferenceVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }

    @Test
    void duringARotationTheHeaderCarriesOneSignaturePerSecretSeparatedBySpaces() {
        String a = WebhookSignature.newSecret();
        String b = WebhookSignature.newSecret();
        assertNotEquals(a, b);
        assertTrue(a.startsWith("whsec_"));
        String header = WebhookSignature.header("evt", 10, "{}", List.of(a, b));
        assertEquals(WebhookSignature.sign("evt", 10, "{}", a) + " " + WebhookSignature.sign("evt", 10, "{}", b), header);
    }
}
