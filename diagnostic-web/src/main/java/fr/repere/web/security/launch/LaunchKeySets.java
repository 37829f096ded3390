package fr.repere.web.security.launch;

import com.nimbusds.jose.jwk.JWKSet;
import fr.repere.host.HostRegistration;
import fr.repere.host.LaunchRefusal;
import fr.repere.host.LaunchRefusedException;
import fr.repere.webhook.WebhookSettings;
import fr.repere.webhook.WebhookUrls;
import fr.repere.web.platform.PublicAddresses;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.util.Timeout;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The keys that verify a host's launches: those pinned at its registration, or those it publishes
 * at its {@code jwks_uri}, read and kept {@link #FRESH} on this node (each node reads them itself:
 * the host's address is the one source, so nodes cannot disagree for longer than that). A key id
 * not among them makes a new read, at most once per {@link #RETRY} — the host may just have rotated.
 * The address is checked again before each read (https, public addresses only) and the connection
 * made only to the addresses checked ({@link PublicAddresses}); redirects are not followed, and a
 * body over {@link #MAX_BYTES} is refused.
 */
@ApplicationScoped
public class LaunchKeySets {

    static final Duration FRESH = Duration.ofMinutes(10);
    static final Duration RETRY = Duration.ofSeconds(30);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(LaunchKeySets.class.getName());

    private record Read(JWKSet keys, Instant at) {
    }

    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    private volatile CloseableHttpClient client;

    @Inject
    private WebhookSettings settings;

    @Inject
    private Clock clock;

    /** For CDI. */
    public LaunchKeySets() {
    }

    LaunchKeySets(WebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The keys to verify a token of this host signed with key {@code kid} (may be null). */
    JWKSet keysOf(HostRegistration host, String kid) {
        if (host.jwks() != null) {
            try {
                return JWKSet.parse(host.jwks());
            } catch (ParseException e) {
                throw new IllegalStateException("registered launch keys unreadable", e);
            }
        }
        Instant now = clock.instant();
        Read read = reads.get(host.jwksUri());
        boolean stale = read == null || read.at().plus(FRESH).isBefore(now);
        boolean unknownKid = read != null && kid != null && read.keys().getKeyByKeyId(kid) == null
                && read.at().plus(RETRY).isBefore(now);
        if (stale || unknownKid) {
            read = new Read(fetch(host.jwksUri()), now);
            reads.put(host.jwksUri(), read);
        }
        return read.keys();
    }

    /** Connects only to addresses checked public at connection time (no DNS rebinding), never follows a redirect. */
    private CloseableHttpClient client() {
        if (client == null) {
            Timeout t = Timeout.of(TIMEOUT);
            client = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setDnsResolver(new PublicAddresses(WebhookUrls.DNS, settings.allowHttpLoopback()))
                            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                            .build())
                    .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setRedirectsEnabled(false).build())
                    .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                    .setUserAgent("Repere-Launch-Keys/1").build();
        }
        return client;
    }

    private JWKSet fetch(String address) {
        WebhookUrls.refusal("L'adresse des clés publiques", address, settings.allowHttpLoopback(), WebhookUrls.DNS).ifPresent(why -> {
            throw new LaunchRefusedException(LaunchRefusal.KEYS_UNREACHABLE, "jwks_uri refused now: " + why);
        });
        HttpGet get = new HttpGet(URI.create(address));
        get.setHeader("Accept", "application/json");
        try (ClassicHttpResponse r = client().executeOpen(null, get, null)) {
            try (InputStream body = r.getEntity() == null ? InputStream.nullInputStream() : r.getEntity().getContent()) {
                if (r.getCode() != 200) {
                    throw new LaunchRefusedException(LaunchRefusal.KEYS_UNREACHABLE, "jwks_uri answered " + r.getCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new LaunchRefusedException(LaunchRefusal.KEYS_UNREACHABLE, "jwks_uri body over " + MAX_BYTES + " bytes");
                }
                JWKSet keys = LaunchKeys.acceptable(JWKSet.parse(new String(bytes, StandardCharsets.UTF_8)));
                LOG.info(() -> "Launch keys read from " + address + ": " + keys.getKeys().size() + " key(s)");
                return keys;
            }
        } catch (IOException | ParseException e) {
            throw new LaunchRefusedException(LaunchRefusal.KEYS_UNREACHABLE, "jwks_uri: " + e);
        }
    }
}
