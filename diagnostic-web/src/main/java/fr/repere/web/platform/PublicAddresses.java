package fr.repere.web.platform;

import fr.repere.webhook.WebhookUrls;
import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The resolver of every request Repère makes to an address an administrator gave (webhooks, a
 * host's published keys): a name resolves to its addresses only if all are public (or loopback
 * where the installation allows it, tests and the embedded run), and the connection is made to
 * those very addresses — so that a DNS answer that changes after a check (a DNS rebinding) cannot
 * make Repère call its own network.
 */
public final class PublicAddresses implements DnsResolver {

    private final WebhookUrls.Resolver resolver;
    private final boolean allowLoopback;

    public PublicAddresses(WebhookUrls.Resolver resolver, boolean allowLoopback) {
        this.resolver = resolver;
        this.allowLoopback = allowLoopback;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses = resolver.resolve(name);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(name);
        }
        for (InetAddress a : addresses) {
            if (!WebhookUrls.isPublic(a) && !(allowLoopback && a.isLoopbackAddress())) {
                throw new NonPublicAddressException(name);
            }
        }
        return addresses.toArray(new InetAddress[0]);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // never the reverse DNS: the certificate is checked against the name the administrator gave
    }

    /** A name that resolves (now) to a loopback, private or otherwise non-public address. */
    public static final class NonPublicAddressException extends UnknownHostException {
        NonPublicAddressException(String host) {
            super(host + " resolves to a non-public address");
        }
    }
}
