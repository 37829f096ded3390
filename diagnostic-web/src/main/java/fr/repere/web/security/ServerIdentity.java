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
 * version to look up. Payara puts {@code Server: Payara Micro} on the response before the
 * application runs; the filter blanks it and refuses it being set again. Answers the HTTP listener
 * writes before any application code (malformed request line, oversized headers) are out of a
 * WAR's reach: see docs/architecture.md.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class ServerIdentity extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Payara's Response ignores setHeader(name, null) (measured): an empty value replaces the
        // product name, and the HTTP listener then adds no Server header of its own
        response.setHeader("Server", "");
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
