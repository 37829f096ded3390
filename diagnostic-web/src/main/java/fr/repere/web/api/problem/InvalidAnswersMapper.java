package fr.repere.web.api.problem;

import fr.repere.questionnaire.InvalidAnswersException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers the questionnaire does not accept: 422, one error per question. */
@Provider
public class InvalidAnswersMapper implements ExceptionMapper<InvalidAnswersException> {

    @Override
    public Response toResponse(InvalidAnswersException e) {
        return Problem.of("invalid-answers", "Réponses non valides", 422,
                        "Certaines réponses ne correspondent pas au questionnaire : rien n'a été enregistré.")
                .withErrors(e.problems().stream()
                        .map(p -> new Problem.FieldError("/answers/" + Pointers.escape(p.question()), p.message()))
                        .toList())
                .toResponse();
    }
}
