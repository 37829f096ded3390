package fr.repere.web.ui;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The screens' addresses: a deep link or a reload of {@code /diagnostic/nouveau}, {@code /entretien/{id}},
 * {@code /resultat/{id}}, {@code /dossier}, {@code /equipe}, {@code /annuaire}, {@code /logiciels}, {@code /statistiques} or {@code /connexion} gets the interface's page, which
 * shows the screen the address names. Outside {@code /api}; the page is always revalidated so a
 * new version reaches tablets at once.
 */
@WebServlet(urlPatterns = {"/connexion", "/dossier", "/equipe", "/annuaire", "/logiciels", "/statistiques", "/diagnostic/*", "/entretien/*", "/resultat/*"})
public class UiRoutes extends HttpServlet {

    static final String PAGE = "/index.html";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-cache");
        request.getRequestDispatcher(PAGE).forward(request, response);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        doGet(request, response);
    }
}
