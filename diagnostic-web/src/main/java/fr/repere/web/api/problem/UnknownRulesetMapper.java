package fr.repere.web.api.problem;

import fr.repere.ruleset.UnknownRulesetException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A ruleset version that was never uploaded: 404. */
@Provider
public class UnknownRulesetMapper implements ExceptionMapper<UnknownRulesetException> {

    @Override
    public Response toResponse(UnknownRulesetException e) {
        return Problem.of("not-found", "Version des règles introuvable", 404,
                "Aucune version des tables de décision ne porte ce numéro.").toResponse();
    }
}
