package fr.repere.web.security;

import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The host systems allowed to show Repère in an iframe ({@code repere.frame-ancestors},
 * space-separated origins). Only https origins count (and http://localhost, for a developer's
 * machine): a host over plain http could not keep the session cookie anyway.
 */
final class EmbeddingHosts {

    private EmbeddingHosts() {
    }

    /** The configured origins as a CSP source list, or empty when Repère may not be embedded. */
    static Optional<String> configured() {
        return parse(ConfigProvider.getConfig().getOptionalValue("repere.frame-ancestors", String.class));
    }

    static Optional<String> parse(Optional<String> setting) {
        return setting
                .map(v -> Arrays.stream(v.trim().split("\\s+"))
                        .filter(s -> s.startsWith("https://") || s.startsWith("http://localhost"))
                        .collect(Collectors.joining(" ")))
                .filter(v -> !v.isBlank());
    }
}
