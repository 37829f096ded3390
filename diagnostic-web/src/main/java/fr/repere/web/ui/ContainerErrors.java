package fr.repere.web.ui;

import fr.repere.web.api.problem.Problem;
import fr.repere.web.api.problem.ServerErrors;
import fr.repere.web.platform.RepereDataSource;

import jakarta.annotation.Resource;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

/**
 * The errors the servlet container answers itself, outside JAX-RS (a method the static files do
 * not know, an unknown path, a failing filter), as problem details in French instead of Payara's
 * HTML error report, which names the server and its version. web.xml sends its error pages here.
 */
@WebServlet(urlPatterns = ContainerErrors.PATH)
public class ContainerErrors extends HttpServlet {

    static final String PATH = "/_erreur";

    @Resource(lookup = RepereDataSource.JNDI_NAME)
    private DataSource dataSource;

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Requête incorrecte"),
            Map.entry(401, "Connexion nécessaire"),
            Map.entry(403, "Accès refusé"),
            Map.entry(404, "Ressource introuvable"),
            Map.entry(405, "Méthode non autorisée sur cette ressource"),
            Map.entry(408, "Requête trop lente"),
            Map.entry(413, "Requête trop volumineuse"),
            Map.entry(414, "Adresse trop longue"),
            Map.entry(415, "Format de requête non accepté"),
            Map.entry(431, "En-têtes de requête trop volumineux"),
            Map.entry(500, "Erreur interne"),
            Map.entry(501, "Méthode non prise en charge"),
            Map.entry(503, "Service momentanément indisponible"),
            Map.entry(505, "Version de HTTP non prise en charge"));

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
            // an exception outside JAX-RS (a servlet filter, the container's transaction): same answer as inside
            ServerErrors.Answer answer = ServerErrors.decide(thrown);
            if (answer.retryAfter() != null) {
                response.setHeader("Retry-After", answer.retryAfter());
            }
            write(request, response, answer.problem());
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c && c >= 400 && c <= 599 ? c : 404; // called directly: nothing here
        if (status == 500 && !databaseAnswers()) {
            // a bare 500 (the runtime failed while answering, its cause not handed over) during an outage is the outage
            service503(request, response);
            return;
        }
        String title = TITLES.getOrDefault(status, status >= 500 ? "Erreur du serveur" : "Requête refusée");
        String detail = switch (status) {
            case 404 -> "Aucune page ni ressource à cette adresse.";
            case 405, 501 -> "Cette adresse ne prend pas en charge la méthode " + safe(request.getMethod()) + ".";
            case 500 -> "Une erreur inattendue s'est produite. Si elle se répète, communiquez l'heure à votre administrateur.";
            default -> title + ".";
        };
        write(request, response, new Problem("about:blank", title, status, detail, null, null));
    }

    private void service503(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServerErrors.Answer answer = ServerErrors.decide(new SQLTransientConnectionException("database not reachable while answering "
                + safe(request.getMethod()) + " " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        response.setHeader("Retry-After", answer.retryAfter());
        write(request, response, answer.problem());
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
        byte[] body = problem.toJson().getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** A method name as the client sent it, reduced to a token (it is echoed in the answer). */
    private static String safe(String method) {
        String token = method == null ? "?" : method.replaceAll("[^A-Za-z0-9-]", "");
        return token.substring(0, Math.min(20, token.length()));
    }
}
