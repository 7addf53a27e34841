package com.chatgptconnector.boundary.problem;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.Messages;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Two writers raced for the same row; the later one loses and is told to reload. */
@Provider
public class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(OptimisticLockException e) {
        return Problems.response(ErrorCode.VERSION_CONFLICT, Messages.pick(headers.getAcceptableLanguages()), Map.of("reason", "concurrent_write"));
    }
}
