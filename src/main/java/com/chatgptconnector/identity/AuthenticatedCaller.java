package com.chatgptconnector.identity;

import java.util.Collection;
import java.util.Set;

/**
 * Who the authentication module (boundary.security) signed in for this request, kept as a request
 * attribute. Role checks and {@link CurrentCaller} read it instead of asking the container again:
 * Payara answers {@code isUserInRole} and the caller principal through JACC and Soteria on every
 * call (a protection-domain lookup behind a synchronized map, a JNDI lookup of the bean manager),
 * about a tenth of a request's CPU and the most contended locks at 2,000 requests in flight. The
 * groups are the roles: the application maps them one to one, as the container does here.
 */
public record AuthenticatedCaller(String name, Set<String> groups) {

    /** Set only by the authentication module; a client cannot set request attributes. */
    public static final String ATTRIBUTE = AuthenticatedCaller.class.getName();

    public boolean hasAnyOf(Collection<String> roles) {
        return roles.stream().anyMatch(groups::contains);
    }
}
