package fr.repere.web.api.caf;

import fr.repere.caf.CafData;
import fr.repere.caf.apiparticulier.ApiParticulierCafData;
import fr.repere.caf.apiparticulier.ApiParticulierClient;

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
 *   <li>{@code repere.caf.timeout}: per call, ISO-8601, default {@code PT3S};</li>
 *   <li>{@code repere.caf.cdap-url}: the link to CDAP (« CAF Pro »), which has no API, shown on the dossier.</li>
 * </ul>
 */
@ApplicationScoped
public class CafSettings {

    static final String DEFAULT_BASE_URL = "https://particulier.api.gouv.fr";
    private static final Pattern SIRET = Pattern.compile("\\d{14}");

    private CafData data;
    private String cdapUrl;

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        cdapUrl = config.getOptionalValue("repere.caf.cdap-url", String.class).filter(u -> u.startsWith("https://")).orElse(null);
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
        Duration timeout;
        try {
            timeout = Duration.parse(config.getOptionalValue("repere.caf.timeout", String.class).orElse("PT3S"));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("repere.caf.timeout must be an ISO-8601 duration such as PT3S");
        }
        data = new ApiParticulierCafData(new ApiParticulierClient(base, token.get(), recipient, timeout));
    }

    public boolean enabled() {
        return data != null;
    }

    /** The source; only when {@link #enabled()}. */
    CafData data() {
        if (data == null) {
            throw new IllegalStateException("CAF consultation is not configured");
        }
        return data;
    }

    public Optional<String> cdapUrl() {
        return Optional.ofNullable(cdapUrl);
    }
}
