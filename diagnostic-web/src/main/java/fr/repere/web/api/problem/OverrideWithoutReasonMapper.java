package fr.repere.web.api.problem;

import fr.repere.diagnostic.OverrideWithoutReasonException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** Departing from the proposal without a reason: 422 on the reason field. */
@Provider
public class OverrideWithoutReasonMapper implements ExceptionMapper<OverrideWithoutReasonException> {

    @Override
    public Response toResponse(OverrideWithoutReasonException e) {
        return Problem.of("override-reason-required", "Motif obligatoire", 422,
                        "Vous modifiez l'orientation ou les actions proposées : indiquez pourquoi. Rien n'a été enregistré.")
                .withErrors(List.of(new Problem.FieldError("/reason", "Le motif de la modification est obligatoire.")))
                .toResponse();
    }
}
