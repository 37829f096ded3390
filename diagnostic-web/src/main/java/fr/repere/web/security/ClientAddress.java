package fr.repere.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a request comes from, for the login throttle and the refusal counts: the TCP peer.
 * {@code X-Forwarded-For} is believed only when the peer is one of the reverse proxies listed in
 * {@code repere.trusted-proxies} ({@code REPERE_TRUSTED_PROXIES}: addresses or CIDR ranges,
 * separated by spaces or commas); the client is then the right-most address of that header that
 * is not itself a trusted proxy. Anyone can write the header, so it is never believed otherwise.
 * An IPv6 client is counted by its /64 network, which one subscriber usually holds whole.
 */
@ApplicationScoped
public class ClientAddress {

    static final String KEY = "repere.trusted-proxies";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private volatile List<Network> proxies;

    /** Reads (and checks) the trusted proxies when the application starts: a wrong value stops the deployment. */
    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        proxies();
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")), proxies());
    }

    private List<Network> proxies() {
        List<Network> p = proxies;
        if (p == null) {
            p = parse(ConfigProvider.getConfig().getOptionalValue(KEY, String.class));
            proxies = p;
        }
        return p;
    }

    static List<Network> parse(Optional<String> value) {
        List<Network> networks = new ArrayList<>();
        for (String item : value.orElse("").split("[\\s,]+")) {
            if (!item.isBlank()) {
                networks.add(Network.parse(item).orElseThrow(() -> new IllegalStateException(
                        KEY + ": \"" + item + "\" is not an IP address nor a CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24)")));
            }
        }
        return List.copyOf(networks);
    }

    /**
     * @param peer         the TCP peer's address
     * @param forwardedFor the values of the X-Forwarded-For headers, in order
     */
    static String resolve(String peer, List<String> forwardedFor, List<Network> trusted) {
        InetAddress client = literal(peer).orElse(null);
        if (client == null) {
            return "unknown";
        }
        if (isTrusted(client, trusted)) {
            List<String> hops = new ArrayList<>();
            forwardedFor.forEach(h -> hops.addAll(List.of(h.split(","))));
            for (int i = hops.size() - 1; i >= 0; i--) {
                Optional<InetAddress> hop = literal(hops.get(i).strip());
                if (hop.isEmpty()) {
                    break; // a malformed hop: believe nothing further left
                }
                client = hop.get();
                if (!isTrusted(client, trusted)) {
                    break;
                }
            }
        }
        return normalise(client);
    }

    private static boolean isTrusted(InetAddress address, List<Network> trusted) {
        return trusted.stream().anyMatch(n -> n.contains(address));
    }

    /** The key of an address: an IPv4 address as such, an IPv6 one by its /64 network. */
    public static String normalise(String literal) {
        return literal(literal).map(ClientAddress::normalise).orElse("unknown");
    }

    private static String normalise(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return address.getHostAddress();
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    /** An IP literal, parsed without ever asking the DNS (a host name is not an address). */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        try {
            if (IPV4.matcher(t).matches()) {
                String[] octets = t.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(octets[i]);
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            // with a colon, the JDK reads an IPv6 literal and never asks the DNS
            return IPV6.matcher(t).matches() ? Optional.of(InetAddress.getByName(t)) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A trusted proxy: one address, or a CIDR range. */
    record Network(byte[] base, int prefix) {

        static Optional<Network> parse(String text) {
            String[] parts = text.split("/", 2);
            Optional<InetAddress> address = literal(parts[0]);
            if (address.isEmpty()) {
                return Optional.empty();
            }
            byte[] base = address.get().getAddress();
            int bits = base.length * 8;
            int prefix;
            try {
                prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return prefix < 0 || prefix > bits ? Optional.empty() : Optional.of(new Network(base, prefix));
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != base.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (base[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
