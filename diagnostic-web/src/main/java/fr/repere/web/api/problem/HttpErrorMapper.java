package fr.repere.web.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** The container's own HTTP errors (unknown path, wrong method, wrong media type) as problems in French. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, String> TITLES = Map.of(
            400, "Requête incorrecte",
            404, "Ressource introuvable",
            405, "Méthode non autorisée sur cette ressource",
            406, "Format de réponse non disponible",
            413, "Requête trop volumineuse",
            415, "Format de requête non accepté : envoyez du JSON (application/json)");

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return UnexpectedErrorMapper.internalError(e);
        }
        String title = TITLES.getOrDefault(status, "Requête refusée");
        Response.ResponseBuilder problem = Response.fromResponse(
                new Problem("about:blank", title, status, title + ".", null, null).toResponse());
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            problem.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return problem.build();
    }
}
