package fr.repere.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Every {@code Location} (and {@code Content-Location}) to Repère itself is written from
 * {@link PublicBaseUrl}, never from the request's {@code Host}: JAX-RS and the servlet container
 * make them absolute with the Host header a client sent, which would let anyone put their own
 * address in the links a proxy or a cache hands to others. Without a configured address the link
 * is built from the address the server accepted the connection on (scheme, local IP, local port):
 * never chosen by the client, right for direct access (a developer's machine, a LAN, the tests), and
 * rewritten by a reverse proxy's usual Location handling; production sets the public address.
 * Absolute links to other sites (the identity provider) are left alone.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PublicLocations extends HttpFilter {

    private transient Optional<URI> base = Optional.empty();

    @Override
    public void init() {
        base = PublicBaseUrl.configured();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new Rewriting(request, response, base));
    }

    /** The link as it must be sent: {@code location} if it points elsewhere, else its path on the public address. */
    static String rewrite(String location, String requestAuthority, String localOrigin, Optional<URI> base) {
        URI uri;
        try {
            uri = URI.create(location.strip());
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (uri.isAbsolute() && !sameAuthority(uri.getRawAuthority(), requestAuthority)) {
            return location; // another site
        }
        if (!uri.isAbsolute() && !location.startsWith("/")) {
            return location; // relative to the current path: already host-free
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        return base.map(URI::toString).orElse(localOrigin) + path;
    }

    private static boolean sameAuthority(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }

    private static final class Rewriting extends HttpServletResponseWrapper {
        private final HttpServletRequest request;
        private final Optional<URI> base;

        Rewriting(HttpServletRequest request, HttpServletResponse response, Optional<URI> base) {
            super(response);
            this.request = request;
            this.base = base;
        }

        /** host[:port] as the container derived it from the request (Host header, else the local address). */
        private String authority() {
            int port = request.getServerPort();
            boolean defaultPort = port <= 0 || port == ("https".equalsIgnoreCase(request.getScheme()) ? 443 : 80);
            String host = request.getServerName();
            host = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            return defaultPort ? host : host + ":" + port;
        }

        /** scheme://local-address:local-port: where the connection arrived, which no client header can change. */
        private String localOrigin() {
            String address = request.getLocalAddr();
            address = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
            return request.getScheme() + "://" + address + ":" + request.getLocalPort();
        }

        private String value(String name, String value) {
            boolean location = "Location".equalsIgnoreCase(name) || "Content-Location".equalsIgnoreCase(name);
            if (!location || value == null) {
                return value;
            }
            String rewritten = rewrite(value, authority(), localOrigin(), base);
            // the container may have dropped a default port from one side only
            return rewritten.equals(value) ? rewrite(value, request.getServerName(), localOrigin(), base) : rewritten;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, value(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, value(name, value));
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            resetBuffer();
            setStatus(SC_FOUND);
            String absolutePath = location.startsWith("/") || URI.create(location).isAbsolute() ? location
                    : URI.create(request.getRequestURI()).resolve(location).toString();
            setHeader("Location", absolutePath);
            flushBuffer();
        }
    }
}
