package com.chatgptconnector.boundary.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The endpoints that answer without a caller: health, metrics and the OpenAPI document. They
 * ignore any credentials a request carries, so a probe or scraper with a stale password stays
 * green rather than turning 401 (issue 29).
 */
final class PublicPaths {

    private PublicPaths() {
    }

    static boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return under(path, "/health") || under(path, "/metrics") || under(path, "/openapi");
    }

    private static boolean under(String path, String root) {
        return path.startsWith(root) && (path.length() == root.length() || path.charAt(root.length()) == '/');
    }
}
