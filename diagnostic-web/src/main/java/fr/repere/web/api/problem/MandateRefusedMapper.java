package fr.repere.web.api.problem;

import fr.repere.mandate.MandateRefusedException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A mandate change its state does not allow: 409, in French. */
@Provider
public class MandateRefusedMapper implements ExceptionMapper<MandateRefusedException> {

    @Override
    public Response toResponse(MandateRefusedException e) {
        String detail = switch (e.why()) {
            case ALREADY_SIGNED -> "L'attestation signée de ce mandat est déjà enregistrée.";
            case NOT_SIGNED -> "Le mandat n'est pas encore signé : enregistrez d'abord l'attestation signée par la personne.";
            case EXPIRED -> "Le mandat est expiré : préparez un nouveau mandat avec la personne.";
            case REVOKED -> "Le mandat est révoqué : toutes ses autorisations ont été retirées.";
            case CATEGORY_NOT_AUTHORISED -> "Le mandat n'autorise pas cette catégorie de démarches.";
            case CATEGORY_REVOKED -> "L'autorisation pour cette catégorie de démarches a été révoquée.";
        };
        return Problem.of("mandate-conflict", "Action impossible sur ce mandat", 409, detail).toResponse();
    }
}
