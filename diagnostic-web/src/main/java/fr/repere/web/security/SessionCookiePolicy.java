package fr.repere.web.security;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The session cookie's SameSite attribute. {@code Lax} by default: the cookie is not sent with
 * requests other sites make, yet a ProConnect login coming back by a top-level redirect still finds
 * its session. When host systems may embed Repère in an iframe ({@code repere.frame-ancestors}), the
 * page is a third party of the host's site: browsers send its cookie only if it says
 * {@code SameSite=None; Secure}, so embedding requires HTTPS.
 *
 * <p>Payara ignores the Servlet 6 cookie attributes ({@code SessionCookieConfig.setAttribute}), so
 * the container's {@code Set-Cookie} is completed here, before JAX-RS commits the response: sessions
 * are only opened by JAX-RS resources (login, ProConnect).
 */
@Provider
public class SessionCookiePolicy implements ContainerResponseFilter {

    /**
     * Request property set by a signed launch into a host's iframe: its session cookie is
     * {@code Secure; SameSite=None; Partitioned} (CHIPS), kept by the browser for this host's site
     * only, whatever the installation's setting.
     */
    public static final String FRAMED_LAUNCH = "repere.framed-launch";

    /** Read once, on the first response that carries a cookie. */
    private volatile Boolean embedded;

    @Context
    private HttpServletResponse response;

    @Context
    private ServletContext servletContext;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext ignored) {
        if (response == null || response.isCommitted()) {
            return;
        }
        List<String> cookies = new ArrayList<>(response.getHeaders("Set-Cookie"));
        if (cookies.isEmpty()) {
            return;
        }
        String name = servletContext.getSessionCookieConfig().getName();
        if (embedded == null) {
            embedded = EmbeddingHosts.configured().isPresent();
        }
        boolean framed = Boolean.TRUE.equals(request.getProperty(FRAMED_LAUNCH));
        String cookie = name == null ? "JSESSIONID" : name;
        List<String> completed = cookies.stream()
                .map(c -> framed ? partitioned(c, cookie) : complete(c, cookie, embedded)).toList();
        if (!completed.equals(cookies)) {
            response.setHeader("Set-Cookie", completed.get(0));
            completed.stream().skip(1).forEach(c -> response.addHeader("Set-Cookie", c));
        }
    }

    /** The session cookie of a framed launch: third-party, partitioned by the host's site; other cookies unchanged. */
    static String partitioned(String setCookie, String sessionCookieName) {
        if (!setCookie.startsWith(sessionCookieName + "=")) {
            return setCookie;
        }
        StringBuilder out = new StringBuilder();
        for (String part : setCookie.split(";\\s*")) {
            String lower = part.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("samesite=") && !lower.equals("secure") && !lower.equals("partitioned")) {
                out.append(out.isEmpty() ? "" : "; ").append(part);
            }
        }
        return out + "; Secure; SameSite=None; Partitioned";
    }

    /** The session cookie with its SameSite (and, embedded, Secure) attributes; other cookies unchanged. */
    static String complete(String setCookie, String sessionCookieName, boolean embedded) {
        if (!setCookie.startsWith(sessionCookieName + "=") || setCookie.toLowerCase(Locale.ROOT).contains("samesite=")) {
            return setCookie;
        }
        if (!embedded) {
            return setCookie + "; SameSite=Lax";
        }
        boolean secure = List.of(setCookie.toLowerCase(Locale.ROOT).split(";\\s*")).contains("secure");
        return setCookie + (secure ? "" : "; Secure") + "; SameSite=None";
    }
}
