package com.chatgptconnector.boundary.problem;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.Messages;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.problem.ValidationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever else escapes: a 500 with an incident id the operator finds in the log, never a stack
 * trace in the answer. Exceptions wrapped by interceptors (transactions, EJB) are unwrapped first,
 * so a refusal thrown deep inside still gets its own status.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        return render(e, Messages.pick(headers.getAcceptableLanguages()));
    }

    /** The problem details for any failure, in the given language (also for answers written outside Jersey). */
    public static Response render(Throwable e, Locale locale) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return Problems.response(problem.code(), locale, problem.extensions(), problem.detailArgs());
            }
            if (t instanceof ValidationException validation) {
                return ValidationExceptionMapper.render(validation, locale);
            }
            if (t instanceof jakarta.json.bind.JsonbException || t instanceof jakarta.json.stream.JsonParsingException) {
                return Problems.response(ErrorCode.MALFORMED_REQUEST, locale, Map.of());
            }
            if (t instanceof OptimisticLockException) {
                return Problems.response(ErrorCode.VERSION_CONFLICT, locale, Map.of("reason", "concurrent_write"));
            }
            if (t == t.getCause()) {
                break;
            }
        }
        if (com.chatgptconnector.persistence.DatabaseFailures.isUnavailable(e)) {
            LOG.log(Level.WARNING, "Database unavailable: {0}", e.getClass().getName());
            return Problems.response(ErrorCode.DATABASE_UNAVAILABLE, locale, Map.of("retryAfterSeconds", 5));
        }
        return internalError(e, locale);
    }

    static Response internalError(Throwable e, HttpHeaders headers) {
        return internalError(e, Messages.pick(headers.getAcceptableLanguages()));
    }

    static Response internalError(Throwable e, Locale locale) {
        String incident = UUID.randomUUID().toString();
        // the class names only: messages of driver or parser exceptions can quote request data
        LOG.log(Level.SEVERE, "Unhandled error, incident {0}: {1}", new Object[]{incident, chain(e)});
        return Problems.response(ErrorCode.INTERNAL_ERROR, locale, Map.of("incident", incident), incident);
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 2000; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getName());
            StackTraceElement[] trace = t.getStackTrace();
            if (trace.length > 0) {
                sb.append(" at ").append(trace[0]);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }
}
