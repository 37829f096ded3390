package fr.repere.web.security;

import org.eclipse.microprofile.config.ConfigProvider;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The address under which the public reaches Repère ({@code repere.public-base-url}, environment
 * {@code REPERE_PUBLIC_BASE_URL}, e.g. {@code https://repere.departement.fr}): the only source of
 * absolute links to Repère itself. Never the request's {@code Host} header, which any client
 * writes as it likes. https is required, except on a loopback address (tests, a developer's
 * machine). Not set: the links are built from the local address the connection arrived on
 * (see {@link PublicLocations}).
 */
public final class PublicBaseUrl {

    public static final String KEY = "repere.public-base-url";

    private PublicBaseUrl() {
    }

    public static Optional<URI> configured() {
        return parse(ConfigProvider.getConfig().getOptionalValue(KEY, String.class));
    }

    /** @throws IllegalStateException naming the key, so that a wrong value stops the deployment */
    static Optional<URI> parse(Optional<String> setting) {
        Optional<String> value = setting.map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value.get());
        } catch (URISyntaxException e) {
            throw wrong(value.get(), "not a URL");
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw wrong(value.get(), "expected scheme://host[:port][/path], without user, query or fragment");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !("http".equalsIgnoreCase(uri.getScheme()) && loopback(uri.getHost()))) {
            throw wrong(value.get(), "https is required (plain http only on a loopback address)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return Optional.of(URI.create(uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority() + path));
    }

    /** Whether this host name is a loopback address; only IP literals and localhost are checked (no DNS lookup). */
    static boolean loopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equalsIgnoreCase(h)) {
            return true;
        }
        boolean ipv4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = h.contains(":") && h.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return false; // a name: never looked up
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // an IP literal: parsed, not resolved
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static IllegalStateException wrong(String value, String why) {
        return new IllegalStateException(KEY + " (REPERE_PUBLIC_BASE_URL) = " + value + ": " + why);
    }
}
