package fr.repere.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookUrlsTest {

    private static WebhookUrls.Resolver resolvesTo(String address) {
        return host -> List.of(InetAddress.getByName(address));
    }

    @Test
    void httpsToAPublicAddressIsAccepted() {
        assertTrue(WebhookUrls.refusal("https://hote.exemple.fr/webhooks", false, resolvesTo("93.184.216.34")).isEmpty());
    }

    @Test
    void httpAndPrivateLoopbackLinkLocalAddressesAreRefused() {
        assertFalse(WebhookUrls.refusal("http://hote.exemple.fr/webhooks", false, resolvesTo("93.184.216.34")).isEmpty());
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1")) {
            assertFalse(WebhookUrls.refusal("https://hote.exemple.fr/", false, resolvesTo(address)).isEmpty(), address);
        }
        assertFalse(WebhookUrls.refusal("https://inconnu.invalid/", false, host -> {
            throw new UnknownHostException(host);
        }).isEmpty());
        assertFalse(WebhookUrls.refusal("https://user:pw@hote.exemple.fr/", false, resolvesTo("93.184.216.34")).isEmpty());
    }

    @Test
    void theTestsSettingAcceptsHttpToLoopbackOnly() {
        assertTrue(WebhookUrls.refusal("http://127.0.0.1:8099/recu", true, resolvesTo("127.0.0.1")).isEmpty());
        assertFalse(WebhookUrls.refusal("http://hote.exemple.fr/", true, resolvesTo("93.184.216.34")).isEmpty());
        assertFalse(WebhookUrls.refusal("https://hote.exemple.fr/", true, resolvesTo("10.0.0.1")).isEmpty());
    }
}
