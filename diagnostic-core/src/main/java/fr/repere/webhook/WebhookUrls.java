package fr.repere.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs may receive webhooks: {@code https}, with a host name that resolves only to public
 * addresses (no loopback, private, link-local, unique-local, multicast nor unspecified address), so
 * that an endpoint cannot make Repère call its own network. With {@code allowHttpLoopback} (tests
 * and the embedded run), {@code http} to a loopback address is accepted too.
 */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2000;

    /** Resolves a host name; {@link InetAddress#getAllByName} in production. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = host -> List.of(InetAddress.getAllByName(host));

    private WebhookUrls() {
    }

    /** Why the URL is refused, in French for the administrator; empty when accepted. */
    public static Optional<String> refusal(String url, boolean allowHttpLoopback, Resolver resolver) {
        return refusal("L'adresse du webhook", url, allowHttpLoopback, resolver);
    }

    /**
     * Why an address Repère will call is refused (a webhook, a host's published keys), in French:
     * {@code what} names it, e.g. « L'adresse du webhook »; empty when accepted.
     */
    public static Optional<String> refusal(String what, String url, boolean allowHttpLoopback, Resolver resolver) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            return Optional.of(what + " est obligatoire (" + MAX_LENGTH + " caractères au plus).");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(what + " n'est pas une URL valide.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            return Optional.of(what + " doit être une URL https complète, sans identifiants ni fragment.");
        }
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean loopbackName = name.equals("127.0.0.1") || name.equals("::1") || name.equalsIgnoreCase("localhost");
        if (!scheme.equals("https") && !(allowHttpLoopback && scheme.equals("http") && loopbackName)) {
            return Optional.of(what + " doit commencer par https://.");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            return Optional.of(what + " désigne un nom d'hôte introuvable.");
        }
        if (addresses.isEmpty()) {
            return Optional.of(what + " désigne un nom d'hôte introuvable.");
        }
        for (InetAddress address : addresses) {
            boolean loopback = address.isLoopbackAddress();
            if (loopback && allowHttpLoopback) {
                continue;
            }
            if (!loopback && scheme.equals("http")) {
                return Optional.of(what + " doit commencer par https://.");
            }
            if (!isPublic(address)) {
                return Optional.of(what + " désigne un réseau local ou privé : "
                        + "seules les adresses publiques sont acceptées.");
            }
        }
        return Optional.empty();
    }

    /** Whether an address is a public one (not loopback, private, link-local, unique-local, multicast…). */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && first < 224;
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean mapped = true; // ::ffff:a.b.c.d
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
