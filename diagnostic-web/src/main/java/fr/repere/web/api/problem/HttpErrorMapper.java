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
        String parameter = badParameter(e);
        if (parameter != null) {
            return Problem.of("malformed-request", "Requête mal formée", 400,
                            "Le paramètre « " + parameter + " » n'a pas la forme attendue (par exemple un nombre) : corrigez la requête.")
                    .toResponse();
        }
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

    /**
     * The query, path, header, cookie or form parameter the JAX-RS runtime could not convert
     * (e.g. {@code ?limit=abc}): Jersey answers 404 for a query parameter, which tells the client
     * nothing. Jersey's ParamException is not part of the API, so it is recognised by name.
     *
     * @return the parameter's name, or null for any other error
     */
    static String badParameter(WebApplicationException e) {
        for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.glassfish.jersey.server.ParamException")) {
                try {
                    return (String) c.getMethod("getParameterName").invoke(e);
                } catch (ReflectiveOperationException | RuntimeException notJersey) {
                    return null;
                }
            }
        }
        return null;
    }
}
