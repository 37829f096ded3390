package fr.repere.web.api.problem;

import fr.repere.ruleset.InvalidRulesetException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Decision tables that do not compile or leave profiles without exactly one orientation: 422, located. */
@Provider
public class InvalidRulesetMapper implements ExceptionMapper<InvalidRulesetException> {

    @Override
    public Response toResponse(InvalidRulesetException e) {
        return Problem.of("invalid-ruleset", "Tables de décision refusées", 422,
                        e.problems().size() + " problème(s) empêchent d'utiliser ces tables ; la version n'a pas été enregistrée.")
                .withLocations(e.problems().stream()
                        .map(p -> new Problem.FileLocation(p.file(), p.sheet(), p.row(), p.column(), p.message()))
                        .toList())
                .toResponse();
    }
}
