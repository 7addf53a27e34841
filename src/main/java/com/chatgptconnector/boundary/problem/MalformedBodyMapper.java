package com.chatgptconnector.boundary.problem;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.Messages;
import com.chatgptconnector.problem.ProblemException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * A request body that is not the JSON we expect. The parser's message may quote the body (and so
 * an API key), so neither the answer nor the log repeats it.
 */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ProcessingException e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                // a refusal raised while the body was read, such as a full body budget
                return Problems.response(problem.code(), Messages.pick(headers.getAcceptableLanguages()),
                        problem.extensions(), problem.detailArgs());
            }
        }
        if (!causedByJson(e)) {
            return FallbackExceptionMapper.internalError(e, headers);
        }
        return Problems.response(ErrorCode.MALFORMED_REQUEST, Messages.pick(headers.getAcceptableLanguages()), Map.of());
    }

    private static boolean causedByJson(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return true;
            }
        }
        return false;
    }
}
