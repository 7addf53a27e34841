package com.chatgptconnector.boundary.security;

import com.chatgptconnector.boundary.problem.Problems;
import com.chatgptconnector.identity.AuthenticatedCaller;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.Messages;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.workspace.WorkspaceAccess;
import com.chatgptconnector.workspace.WorkspaceAccess.Rule;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Deny by default: a resource method runs only if it (or its class) says who may call it with
 * {@link RolesAllowed} or {@link PermitAll}. A method that declares nothing is refused for
 * everyone, so a forgotten annotation closes an endpoint instead of opening it. A signed-in
 * caller refused on a workspace's path learns nothing about that workspace: unless they are a
 * member of it, the answer is the same 404 as for one that does not exist ({@link WorkspaceAccess}).
 */
@Provider
public class RoleEnforcementFeature implements DynamicFeature {

    private static final Logger LOG = Logger.getLogger(RoleEnforcementFeature.class.getName());

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        if (!declares(method) && !declares(type) && !type.getName().startsWith("org.glassfish.jersey.")) {
            // Jersey's own OPTIONS handlers declare nothing either; they are denied quietly
            LOG.warning(() -> "No roles declared on " + type.getSimpleName() + "." + method.getName() + ": denied to everyone");
        }
        List<String> roles = rolesOf(type, method);
        if (roles != null) { // @PermitAll: nothing to check
            context.register(new RoleFilter(roles));
        }
    }

    /**
     * The roles a resource method admits, as this feature enforces them: the method's own
     * declaration, else its class's; an empty list for one that declares nothing or
     * {@code @DenyAll}, {@code null} for {@code @PermitAll}.
     */
    public static List<String> rolesOf(Class<?> type, Method method) {
        AnnotatedElement declaring = declares(method) ? method : declares(type) ? type : null;
        if (declaring == null || declaring.isAnnotationPresent(DenyAll.class)) {
            return List.of();
        }
        return declaring.isAnnotationPresent(RolesAllowed.class)
                ? List.of(declaring.getAnnotation(RolesAllowed.class).value()) : null;
    }

    /**
     * Whether our authentication module signed this request's caller in with one of the roles.
     * {@code false} says nothing more: the caller may be anonymous, lack the role, or have been
     * signed in some other way, which only the full check ({@link RoleFilter}) tells apart.
     */
    public static boolean signedInAs(ServletRequest request, List<String> roles) {
        return request.getAttribute(AuthenticatedCaller.ATTRIBUTE) instanceof AuthenticatedCaller caller
                && caller.hasAnyOf(roles);
    }

    private static boolean declares(AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    /** 403, or 404 where the path names a workspace the caller is no member of. */
    private static Response refusal(ContainerRequestContext request) {
        Locale locale = Messages.pick(request.getAcceptableLanguages());
        String workspaceId = request.getUriInfo().getPathParameters().getFirst("ws");
        if (workspaceId != null) {
            try {
                CDI.current().select(WorkspaceAccess.class).get().require(workspaceId, Rule.MEMBER_OR_OPERATOR);
            } catch (ProblemException e) {
                return Problems.response(e.code(), locale, e.extensions(), e.detailArgs());
            }
        }
        return Problems.response(ErrorCode.FORBIDDEN, locale, Map.of());
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class RoleFilter implements ContainerRequestFilter {

        private final List<String> roles;

        RoleFilter(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            boolean allowed;
            // Jersey's request properties are the servlet request's attributes
            if (request.getProperty(AuthenticatedCaller.ATTRIBUTE) instanceof AuthenticatedCaller caller) {
                allowed = caller.hasAnyOf(roles);
            } else {
                SecurityContext security = request.getSecurityContext();
                if (security.getUserPrincipal() == null) {
                    request.abortWith(Problems.response(ErrorCode.UNAUTHORIZED, Messages.pick(request.getAcceptableLanguages()), Map.of()));
                    return;
                }
                allowed = roles.stream().anyMatch(security::isUserInRole);
            }
            if (!allowed) {
                request.abortWith(refusal(request));
            }
        }
    }
}
