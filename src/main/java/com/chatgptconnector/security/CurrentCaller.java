package com.chatgptconnector.security;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/** The authenticated caller of the current request, as Jakarta Security established it. */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityContext security;

    /** The caller; refuses with 401 where no one is signed in. */
    public Caller get() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            throw new ProblemException(ErrorCode.UNAUTHORIZED);
        }
        return new Caller(principal.getName(), security.isCallerInRole(Roles.OPERATOR));
    }
}
