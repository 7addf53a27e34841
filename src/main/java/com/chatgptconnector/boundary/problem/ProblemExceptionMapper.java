package com.chatgptconnector.boundary.problem;

import com.chatgptconnector.problem.Messages;
import com.chatgptconnector.problem.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders a service refusal in the caller's language. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ProblemException e) {
        return Problems.response(e.code(), Messages.pick(headers.getAcceptableLanguages()), e.extensions(), e.detailArgs());
    }
}
