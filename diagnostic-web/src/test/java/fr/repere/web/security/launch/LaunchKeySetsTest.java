package fr.repere.web.security.launch;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import fr.repere.host.HostRegistration;
import fr.repere.host.LaunchRefusal;
import fr.repere.host.LaunchRefusedException;
import fr.repere.webhook.WebhookSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A host's published keys (jwks_uri) against a real HTTP server on the loopback: read once, kept
 * ten minutes, read again for an unknown key id at most every 30 seconds; an address that fails,
 * redirects or sends too much is no key set, and a private or weak key published is never used.
 */
class LaunchKeySetsTest {

    private HttpServer server;
    private volatile String published;
    private volatile int status = 200;
    private final AtomicInteger reads = new AtomicInteger();
    private Instant now = Instant.parse("2026-12-07T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LaunchKeySets keySets = new LaunchKeySets(new WebhookSettings(true, 1), clock);
    private HostRegistration host;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            reads.incrementAndGet();
            byte[] body = published.getBytes(StandardCharsets.UTF_8);
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/ailleurs");
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        host = new HostRegistration("reg", "org", "Logiciel", "https://s.fr", "client", "https://s.fr", null,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json", List.of("d"), List.of(), now);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static ECKey key(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    }

    @Test
    void readOnceKeptTenMinutesAndReadAgainForANewKeyIdAtMostEveryThirtySeconds() throws Exception {
        ECKey a = key("a");
        ECKey b = key("b");
        published = new JWKSet(a.toPublicJWK()).toString();
        assertNotNull(keySets.keysOf(host, "a").getKeyByKeyId("a"));
        assertNotNull(keySets.keysOf(host, "a").getKeyByKeyId("a"));
        assertEquals(1, reads.get(), "kept");

        published = new JWKSet(List.of(a.toPublicJWK(), b.toPublicJWK())).toString(); // the host rotates
        now = now.plusSeconds(10);
        assertNull(keySets.keysOf(host, "b").getKeyByKeyId("b"), "an unknown key id within 30 s: not read again");
        assertEquals(1, reads.get());
        now = now.plus(LaunchKeySets.RETRY);
        assertNotNull(keySets.keysOf(host, "b").getKeyByKeyId("b"), "then read again: the new key is found");
        assertEquals(2, reads.get());

        now = now.plus(LaunchKeySets.FRESH).plusSeconds(1);
        keySets.keysOf(host, "a");
        assertEquals(3, reads.get(), "ten minutes on, read again even for a known key");
    }

    @Test
    void anAddressThatFailsRedirectsOrSendsTooMuchIsNoKeySet() throws Exception {
        for (int failing : new int[] {500, 404, 302}) {
            published = new JWKSet(key("a").toPublicJWK()).toString();
            status = failing;
            now = now.plus(Duration.ofHours(1));
            assertEquals(LaunchRefusal.KEYS_UNREACHABLE,
                    assertThrows(LaunchRefusedException.class, () -> keySets.keysOf(host, "a")).refusal(), "HTTP " + failing);
        }
        status = 200;
        published = "{\"keys\": [], \"remplissage\": \"" + "x".repeat(LaunchKeySets.MAX_BYTES) + "\"}";
        now = now.plus(Duration.ofHours(1));
        assertEquals(LaunchRefusal.KEYS_UNREACHABLE, assertThrows(LaunchRefusedException.class, () -> keySets.keysOf(host, "a")).refusal());
        published = "pas du json";
        now = now.plus(Duration.ofHours(1));
        assertEquals(LaunchRefusal.KEYS_UNREACHABLE, assertThrows(LaunchRefusedException.class, () -> keySets.keysOf(host, "a")).refusal());
    }

    @Test
    void aPublishedPrivateOrWeakKeyIsNeverUsed() throws Exception {
        ECKey good = key("bonne");
        published = new JWKSet(List.of(good.toPublicJWK(), key("privee"), key(null).toPublicJWK(),
                new ECKeyGenerator(Curve.P_384).keyID("p384").generate().toPublicJWK())).toString(false);
        JWKSet keys = keySets.keysOf(host, "bonne");
        assertEquals(List.of("bonne"), keys.getKeys().stream().map(k -> k.getKeyID()).toList());
        assertEquals(false, keys.getKeys().get(0).isPrivate());
    }

    @Test
    void anAddressToAPrivateNetworkIsNotReadWhereLoopbackIsNotAllowed() throws Exception {
        published = new JWKSet(key("a").toPublicJWK()).toString();
        LaunchKeySets production = new LaunchKeySets(WebhookSettings.PRODUCTION, clock);
        assertEquals(LaunchRefusal.KEYS_UNREACHABLE, assertThrows(LaunchRefusedException.class, () -> production.keysOf(host, "a")).refusal());
        assertEquals(0, reads.get(), "checked before any request");
    }
}
