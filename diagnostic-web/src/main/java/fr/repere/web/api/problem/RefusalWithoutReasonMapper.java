package fr.repere.web.api.problem;

import fr.repere.referral.RefusalWithoutReasonException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/** A referral refused without its reason: 422 on the reason field. */
@Provider
public class RefusalWithoutReasonMapper implements ExceptionMapper<RefusalWithoutReasonException> {

    @Override
    public Response toResponse(RefusalWithoutReasonException e) {
        return Problem.of("refusal-reason-required", "Motif du refus obligatoire", 422,
                        "Indiquez pourquoi le lieu a refusé l'orientation : le responsable d'équipe en a besoin. Rien n'a été enregistré.")
                .withErrors(List.of(new Problem.FieldError("/reason", "Le motif du refus est obligatoire.")))
                .toResponse();
    }
}
