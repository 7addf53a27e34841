package com.chatgptconnector.boundary.problem;

import com.chatgptconnector.problem.FieldError;
import com.chatgptconnector.problem.Messages;
import com.chatgptconnector.problem.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;

/** Renders the service's own input checks as {@code validation_failed} with one entry a field. */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ValidationException e) {
        return render(e, Messages.pick(headers.getAcceptableLanguages()));
    }

    static Response render(ValidationException e, Locale locale) {
        List<FieldError> errors = e.violations().stream()
                .map(v -> new FieldError(v.field(), v.code(), Messages.text(locale, "validation." + v.code(), v.args())))
                .toList();
        return Problems.validation(e.code(), locale, errors);
    }
}
