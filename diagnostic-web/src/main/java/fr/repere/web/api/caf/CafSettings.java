package fr.repere.web.api.caf;


import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CAF settings, from MicroProfile Config (or the environment: {@code REPERE_CAF_TOKEN}…).
 * Disabled unless a token is set. A wrong value stops the deployment with a message naming the
 * key (never the token).
 *
 * <ul>
 *   <li>{@code repere.caf.token}: API Particulier bearer token; enables the consultation;</li>
 *   <li>{@code repere.caf.recipient}: SIRET of the organisation asking (mandatory {@code recipient});</li>
 *   <li>{@code repere.caf.base-url}: default {@code https://particulier.api.gouv.fr} (staging: {@code https://staging.particulier.api.gouv.fr});</li>
 *   <li>{@code repere.caf.timeout}: per request to API Particulier (connection, answer and body), ISO-8601,
 *       default {@code PT3S}; the only time limit of an attempt;</li>
 *   <li>{@code repere.caf.circuit-pause}: how long the CAF is not asked after repeated failures, ISO-8601,
 *       default {@code PT30S};</li>
 *   <li>{@code repere.caf.cdap-url}: the link to CDAP (« CAF Pro »), which has no API, shown on the dossier.</li>
 * </ul>
 */
@ApplicationScoped
public class CafSettings {

    static final String DEFAULT_BASE_URL = "https://particulier.api.gouv.fr";
    private static final Pattern SIRET = Pattern.compile("\\d{14}");

    /** Requests of one consultation: RSA, prime d'activité. */
    static final int CALLS = 2;
    /** Attempts of one consultation: the first and two retries ({@link CafGateway}). */
    static final int ATTEMPTS = 3;
    /** Beyond the requests' own time: retry back-off, waiting for the rate limit, writing the result. */
    private static final Duration SLACK = Duration.ofSeconds(30);

    private Connection connection;
    private String cdapUrl;
    private Duration timeout = Duration.ofSeconds(3);
    private Duration circuitPause = Duration.ofSeconds(30);

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        cdapUrl = config.getOptionalValue("repere.caf.cdap-url", String.class).filter(u -> u.startsWith("https://")).orElse(null);
        circuitPause = duration(config, "repere.caf.circuit-pause", "PT30S");
        Optional<String> token = config.getOptionalValue("repere.caf.token", String.class).filter(t -> !t.isBlank());
        if (token.isEmpty()) {
            return;
        }
        String recipient = config.getOptionalValue("repere.caf.recipient", String.class)
                .filter(r -> SIRET.matcher(r).matches())
                .orElseThrow(() -> new IllegalStateException("repere.caf.recipient must be the 14-digit SIRET of the organisation"));
        URI base = URI.create(config.getOptionalValue("repere.caf.base-url", String.class).orElse(DEFAULT_BASE_URL));
        if (!"https".equals(base.getScheme()) && !"127.0.0.1".equals(base.getHost()) && !"localhost".equals(base.getHost())) {
            throw new IllegalStateException("repere.caf.base-url must be https (plain http only on a loopback address)");
        }
        timeout = duration(config, "repere.caf.timeout", "PT3S");
        connection = new Connection(base, token.get(), recipient, timeout);
    }

    private static Duration duration(Config config, String key, String byDefault) {
        try {
            Duration value = Duration.parse(config.getOptionalValue(key, String.class).orElse(byDefault));
            if (value.isNegative() || value.isZero()) {
                throw new DateTimeParseException("not positive", byDefault, 0);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(key + " must be a positive ISO-8601 duration such as " + byDefault);
        }
    }

    /**
     * How long a consultation may stay pending: every request of every attempt at its time-out,
     * each possibly after as long a wait for the rate limit, and some slack. Past it, the background
     * call is taken as lost (its node died) and the sweep closes the consultation.
     */
    public Duration deadline() {
        return timeout.multipliedBy(2L * CALLS * ATTEMPTS).plus(SLACK);
    }

    /** How long the circuit stays open after repeated failures. */
    Duration circuitPause() {
        return circuitPause;
    }

    /** How to reach API Particulier, when a token is set; the partner itself is built in {@code fr.repere.web.platform}. */
    public record Connection(URI base, String token, String recipient, Duration timeout) {
        @Override
        public String toString() {
            return "Connection[" + base + ", recipient " + recipient + ", timeout " + timeout + "]"; // never the token
        }
    }

    public Optional<Connection> connection() {
        return Optional.ofNullable(connection);
    }

    public boolean enabled() {
        return connection != null;
    }

    public Optional<String> cdapUrl() {
        return Optional.ofNullable(cdapUrl);
    }
}
