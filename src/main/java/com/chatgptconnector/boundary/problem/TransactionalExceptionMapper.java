package com.chatgptconnector.boundary.problem;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A failure at commit arrives wrapped by the {@code @Transactional} interceptor. Jersey's own
 * mapper for it answers with an HTML page; this one unwraps it to the problem inside.
 */
@Provider
@Priority(Priorities.USER - 100)
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(TransactionalException e) {
        FallbackExceptionMapper fallback = new FallbackExceptionMapper();
        fallback.headers = headers;
        return fallback.toResponse(e);
    }
}
