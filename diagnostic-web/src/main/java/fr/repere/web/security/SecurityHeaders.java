package fr.repere.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Security headers on every response of the application: a content security policy without
 * 'unsafe-inline', framing limited to the host systems allowed to embed Repère
 * ({@code repere.frame-ancestors}, space-separated origins; none by default), no MIME sniffing, no
 * referrer leaving the site.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors ";

    private String configuredAncestors;
    private String csp;

    @Override
    public void init() {
        configuredAncestors = EmbeddingHosts.configured().orElse(null);
        csp = policy(null);
    }

    /**
     * The policy, framing allowed to the configured hosts and, for a session a host's signed launch
     * opened in its iframe, to that host's registered origin.
     */
    String policy(String launchingHost) {
        String ancestors = java.util.stream.Stream.of(configuredAncestors, launchingHost).filter(java.util.Objects::nonNull)
                .distinct().collect(java.util.stream.Collectors.joining(" "));
        return POLICY + (ancestors.isEmpty() ? "'none'" : ancestors);
    }

    /** The policy of a refused launch's page: plain text, no action, shown in whatever frame asked for it. */
    public static String launchRefusalPolicy() {
        return POLICY + "*";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        Object host = session == null ? null : session.getAttribute(Caller.HOST_ORIGIN_ATTRIBUTE);
        response.setHeader("Content-Security-Policy", host instanceof String origin ? policy(origin) : csp);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        chain.doFilter(request, response);
    }
}
