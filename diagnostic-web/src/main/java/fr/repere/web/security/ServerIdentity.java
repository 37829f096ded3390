package fr.repere.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * No server name in {@code Server} or {@code X-Powered-By}: they tell an attacker which server and
 * version to look up. The pre-boot command file (src/main/payara/boot-commands.asadmin) switches
 * them off at the HTTP listener, for every answer; this filter is the safety net of a Payara Micro
 * started without it, where Payara puts {@code Server: Payara Micro} on the response before the
 * application runs: the filter blanks it (the listener's own answers keep it then). It also refuses
 * the application setting either header.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class ServerIdentity extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // only when the listener put one (started without the boot commands): an empty value would
        // otherwise add a header; Payara's Response ignores setHeader(name, null) (measured), so an
        // empty value replaces the product name and the listener then adds no Server header of its own
        if (response.containsHeader("Server")) {
            response.setHeader("Server", "");
        }
        if (response.containsHeader("X-Powered-By")) {
            response.setHeader("X-Powered-By", "");
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!hidden(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!hidden(name)) {
                    super.addHeader(name, value);
                }
            }
        });
    }

    private static boolean hidden(String name) {
        return "Server".equalsIgnoreCase(name) || "X-Powered-By".equalsIgnoreCase(name);
    }
}
