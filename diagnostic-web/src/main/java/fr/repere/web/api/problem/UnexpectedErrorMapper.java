package fr.repere.web.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;


/**
 * Anything unforeseen: logged with an incident number, answered without internals. Every
 * expected bad input has its own mapper; reaching this one is a bug, or an outage wrapped by the
 * container (EJBException, TransactionalException…), which {@link ServerErrors} recognises.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable e) {
        return internalError(e);
    }

    static Response internalError(Throwable e) {
        return ServerErrors.answer(e);
    }
}
