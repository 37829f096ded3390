package fr.repere.web.platform;

import com.sun.net.httpserver.HttpServer;
import fr.repere.webhook.WebhookSender;
import fr.repere.webhook.WebhookUrls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook sender against a real HTTP server on the loopback: it connects only to addresses it
 * checked itself (a name that now resolves to a private or loopback address is not called: a DNS
 * rebinding after the registration's check), reads status and Retry-After only, and cuts a request
 * at its deadline.
 */
class HttpWebhookSenderTest {

    private HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    private volatile int status = 204;
    private volatile long sleepMillis;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/recu", exchange -> {
            received.incrementAndGet();
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getRequestBody().readAllBytes();
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "3");
            }
            byte[] body = "x".repeat(200_000).getBytes();
            exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
            if (status != 204) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** A name that "resolves" as the test says, whatever DNS would answer. */
    private static WebhookUrls.Resolver resolvesTo(String address) {
        return host -> List.of(InetAddress.getByName(address));
    }

    private WebhookSender.Answer post(WebhookSender sender, String host) {
        return sender.post(URI.create("http://" + host + ":" + port + "/recu"), Map.of("webhook-id", "msg_1"), "application/json",
                "{\"type\": \"fr.repere.diagnostic.completed.v1\"}");
    }

    @Test
    void aNameThatNowResolvesToThisMachineOrAPrivateNetworkIsNeverCalled() {
        for (String rebound : List.of("127.0.0.1", "10.1.2.3", "169.254.169.254")) {
            WebhookSender.Answer answer = post(new HttpWebhookSender(Duration.ofSeconds(2), false, resolvesTo(rebound)),
                    "logiciel.exemple.fr");
            assertEquals(0, answer.status(), rebound);
            assertTrue(answer.error().startsWith("adresse refusée"), answer.error());
        }
        assertEquals(0, received.get(), "not one request reached the loopback server");
    }

    @Test
    void theCheckedAddressesAreTheOnesConnectedTo() throws Exception {
        PublicAddresses publicOnly = new PublicAddresses(
                host -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.1.1")), false);
        assertThrows(UnknownHostException.class, () -> publicOnly.resolve("mixte.exemple.fr"), "one private address is enough to refuse");
        PublicAddresses pub = new PublicAddresses(resolvesTo("93.184.216.34"), false);
        assertArrayEquals(new InetAddress[] {InetAddress.getByName("93.184.216.34")}, pub.resolve("logiciel.exemple.fr"));
        assertEquals("logiciel.exemple.fr", pub.resolveCanonicalHostname("logiciel.exemple.fr"));
    }

    @Test
    void statusAndRetryAfterAreReadNeverTheBody() {
        HttpWebhookSender sender = new HttpWebhookSender(Duration.ofSeconds(5), true, resolvesTo("127.0.0.1"));
        WebhookSender.Answer ok = post(sender, "127.0.0.1");
        assertEquals(204, ok.status());
        assertNull(ok.error());
        status = 429;
        WebhookSender.Answer later = post(sender, "127.0.0.1");
        assertEquals(429, later.status());
        assertEquals(Duration.ofSeconds(3), later.retryAfter());
        assertEquals("HTTP 429", later.error());
        status = 410;
        assertEquals(410, post(sender, "127.0.0.1").status());
        assertEquals(3, received.get());
    }

    @Test
    void aRequestIsCutAtItsDeadline() {
        sleepMillis = 5_000;
        WebhookSender.Answer answer = post(new HttpWebhookSender(Duration.ofMillis(500), true, resolvesTo("127.0.0.1")), "127.0.0.1");
        assertEquals(0, answer.status());
        assertTrue(answer.error().startsWith("délai dépassé"), answer.error());
    }
}
