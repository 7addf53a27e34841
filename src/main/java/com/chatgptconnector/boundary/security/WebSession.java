package com.chatgptconnector.boundary.security;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/** What the web pages' session holds after sign-in ({@link WebSessions}), and the headers the pages send. */
public final class WebSession {

    /** The CSRF token every state-changing request of a signed-in page must echo. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Sent by the web pages, so a 401 carries no Basic challenge (no browser login dialog). */
    public static final String PAGE_HEADER = "X-Requested-With";

    /** The signed-in user, their roles and the session's CSRF token. */
    public record Login(String username, Set<String> groups, String csrfToken) implements Serializable {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new session's CSRF token: 24 random bytes. */
    static String newCsrfToken() {
        byte[] token = new byte[24];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    private WebSession() {
    }
}
