package fr.repere.web.api.problem;

import fr.repere.referral.ForbiddenTransitionException;
import fr.repere.referral.Referral;
import fr.repere.referral.ReferralStatus;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.stream.Collectors;

/** A referral's status change its lifecycle does not allow: 409, saying what is possible from here. */
@Provider
public class ForbiddenTransitionMapper implements ExceptionMapper<ForbiddenTransitionException> {

    @Override
    public Response toResponse(ForbiddenTransitionException e) {
        String possible = e.from().isClosed()
                ? "Une orientation « " + e.from().label() + " » ne change plus de statut."
                : "Depuis « " + e.from().label() + " », statuts possibles : " + e.from().next().stream()
                        .filter(s -> s != ReferralStatus.EXPIRED).map(s -> "« " + s.label() + " »")
                        .collect(Collectors.joining(", ")) + ".";
        String detail = e.to() == ReferralStatus.EXPIRED
                ? "L'expiration est faite par Repère, " + Referral.EXPIRY_DAYS + " jours après l'envoi sans réponse. " + possible
                : "Une orientation « " + e.from().label() + " » ne peut pas devenir « " + e.to().label() + " ». " + possible;
        return Problem.of("referral-status-conflict", "Changement de statut impossible", 409, detail)
                .withErrors(List.of(new Problem.FieldError("/status", detail))).toResponse();
    }
}
