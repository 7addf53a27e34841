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

    /** Principal names of API tokens: {@code token:<workspaceId>:<tokenId>:<name>}. */
    static final String TOKEN_PRINCIPAL = "token:";

    @Inject
    SecurityContext security;

    /** The caller; refuses with 401 where no one is signed in. */
    public Caller get() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            throw new ProblemException(ErrorCode.UNAUTHORIZED);
        }
        String name = principal.getName();
        if (name.startsWith(TOKEN_PRINCIPAL)) {
            String[] parts = name.split(":", 4);
            return new Caller("token:" + parts[3], false, parts[1]);
        }
        return new Caller(name, security.isCallerInRole(Roles.OPERATOR));
    }
}
