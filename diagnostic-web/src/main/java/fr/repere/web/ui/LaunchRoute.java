package fr.repere.web.ui;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code POST /launch}, the address a host system's page posts its signed launch to (short, outside
 * the API's versioned paths, as LTI tools publish theirs): handed to {@code /api/v1/launch}.
 */
@WebServlet(urlPatterns = LaunchRoute.PATH)
public class LaunchRoute extends HttpServlet {

    public static final String PATH = "/launch";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher("/api/v1/launch").forward(request, response);
    }
}
