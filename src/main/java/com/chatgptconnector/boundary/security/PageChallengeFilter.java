package com.chatgptconnector.boundary.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The web pages sign in with a form. A 401 with a Basic challenge would make the browser pop up
 * its own login dialog (and hold the page's request until it is answered), so answers to the
 * pages' requests, marked with {@code X-Requested-With}, carry no challenge.
 */
@Provider
public class PageChallengeFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString(WebSession.PAGE_HEADER) != null) {
            response.getHeaders().remove("WWW-Authenticate");
        }
    }
}
