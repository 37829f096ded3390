package fr.repere.web.api.problem;

import fr.repere.diagnostic.UnknownDraftException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A draft that does not exist (any more): 404. */
@Provider
public class UnknownDraftMapper implements ExceptionMapper<UnknownDraftException> {

    @Override
    public Response toResponse(UnknownDraftException e) {
        return Problem.of("not-found", "Brouillon introuvable", 404,
                "Aucun entretien en cours ne correspond à cet identifiant : il a pu être terminé ou abandonné.").toResponse();
    }
}
