package fr.repere.web.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Whose address a login or a refused key is counted under. */
class ClientAddressTest {

    private static final List<ClientAddress.Network> NO_PROXY = List.of();

    @Test
    void withoutTrustedProxiesTheTcpPeerCountsWhateverXForwardedForSays() {
        assertEquals("203.0.113.7", ClientAddress.resolve("203.0.113.7", List.of("198.51.100.1"), NO_PROXY),
                "anyone can write X-Forwarded-For: it would let an attacker pick a new address for every guess");
        assertEquals("127.0.0.1", ClientAddress.resolve("127.0.0.1", List.of(), NO_PROXY));
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopCounts() {
        List<ClientAddress.Network> proxies = ClientAddress.parse(Optional.of("10.0.0.5, 192.168.0.0/16"));
        assertEquals("198.51.100.1", ClientAddress.resolve("10.0.0.5", List.of("198.51.100.1"), proxies));
        assertEquals("198.51.100.1", ClientAddress.resolve("10.0.0.5", List.of("6.6.6.6, 198.51.100.1, 192.168.3.4"), proxies),
                "what the client itself wrote (6.6.6.6, left of the first untrusted hop) is ignored");
        assertEquals("198.51.100.1", ClientAddress.resolve("10.0.0.5", List.of("6.6.6.6", "198.51.100.1"), proxies),
                "several headers read as one list");
        assertEquals("10.0.0.5", ClientAddress.resolve("10.0.0.5", List.of("not-an-address"), proxies),
                "a malformed hop: the proxy itself counts");
        assertEquals("10.0.0.6", ClientAddress.resolve("10.0.0.6", List.of("198.51.100.1"), proxies), "not a trusted proxy");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64Network() {
        assertEquals("2001:db8:1:2::/64", ClientAddress.resolve("2001:db8:1:2:aaaa::1", List.of(), NO_PROXY));
        assertEquals("2001:db8:1:2::/64", ClientAddress.resolve("2001:db8:1:2:bbbb::9", List.of(), NO_PROXY));
        assertEquals("0:0:0:0::/64", ClientAddress.normalise("0:0:0:0:0:0:0:1"));
        assertEquals("127.0.0.1", ClientAddress.normalise("::ffff:127.0.0.1"), "an IPv4-mapped address is the IPv4 one");
    }

    @Test
    void onlyAddressLiteralsAreReadNeverAHostNameAndAWrongSettingStopsTheStart() {
        assertEquals(Optional.empty(), ClientAddress.literal("example.org"));
        assertEquals(Optional.empty(), ClientAddress.literal("deadbeef"));
        assertEquals(Optional.empty(), ClientAddress.literal("999.1.1.1"));
        assertEquals("unknown", ClientAddress.resolve("example.org", List.of(), NO_PROXY));
        assertThrows(IllegalStateException.class, () -> ClientAddress.parse(Optional.of("proxy.example.org")));
        assertThrows(IllegalStateException.class, () -> ClientAddress.parse(Optional.of("10.0.0.0/33")));
        assertEquals(List.of(), ClientAddress.parse(Optional.of(" ")));
    }
}
