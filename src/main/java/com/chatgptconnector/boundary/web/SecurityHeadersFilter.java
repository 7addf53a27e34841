package com.chatgptconnector.boundary.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every answer, set before anything else runs (the hot path answers without
 * going further down the chain). The pages load only their own scripts, styles and images, from
 * files (src/main/webapp has no inline script, style or handler), so the policy allows nothing
 * inline; an answer of the API is never a page, and its policy is the same, harmless for JSON and
 * a guard should a browser ever render one. {@code nosniff} keeps a browser from taking JSON or an
 * event stream for a script or a page; {@code no-referrer} keeps workspace ids in page addresses
 * from leaking to other sites.
 */
public class SecurityHeadersFilter implements Filter {

    /** The pages' policy: everything from this origin only, nothing inline, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("Referrer-Policy", "no-referrer");
            http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        chain.doFilter(request, response);
    }
}
