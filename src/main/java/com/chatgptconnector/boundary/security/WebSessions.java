package com.chatgptconnector.boundary.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The web pages' signed-in sessions, held by the connector rather than the server, with a cookie
 * of its own, {@value #COOKIE}: {@code HttpOnly; SameSite=Strict; Path=/}, and {@code Secure}
 * when the request came over HTTPS (or, with {@code connector.proxy.trust-forwarded-proto}, a
 * proxy in front says so with {@code X-Forwarded-Proto: https}). The servers ignore the
 * {@code SameSite} of {@code web.xml} (Payara and WildFly alike), and a server session cookie
 * cannot be {@code Secure} by request, so the header is written here through the Servlet API
 * and reads the same on every server (docs/adr/0025-one-war-on-payara-and-wildfly.md).
 * <p>
 * Sessions live in this instance's memory, as the server's did (several instances need sticky
 * sessions for the pages; the API's Basic and token callers need none), and end after
 * {@code connector.session.timeout} without a request.
 */
@ApplicationScoped
public class WebSessions {

    public static final String COOKIE = "connector_session";
    /**
     * A single sign-on under way (issue 31): the provider sends the browser back from another
     * site, and a {@code SameSite=Strict} cookie would not come along, so this short-lived one is
     * {@code Lax}; it carries no sign-in, only the key of the state, nonce and PKCE verifier.
     */
    public static final String PENDING_COOKIE = "connector_sign_in";
    private static final Duration PENDING_FOR = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SWEEP_EVERY = 256;

    @Inject
    @ConfigProperty(name = "connector.session.timeout", defaultValue = "PT30M")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "connector.proxy.trust-forwarded-proto", defaultValue = "false")
    boolean trustForwardedProto;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private int created;

    /** One signed-in browser: its sign-in (renewed by a single sign-on refresh) and what else belongs to it. */
    public static final class Session {
        private volatile WebSession.Login login;
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();
        volatile long lastAccess;

        Session(WebSession.Login login, long now) {
            this.login = login;
            this.lastAccess = now;
        }

        public WebSession.Login login() {
            return login;
        }

        public void login(WebSession.Login renewed) {
            this.login = renewed;
        }

        public Object attribute(String name) {
            return attributes.get(name);
        }

        public void attribute(String name, Object value) {
            attributes.put(name, value);
        }
    }

    private record Pending(Object value, long createdAt) {
    }

    /** Signs the browser in: any session it had ends, and it gets a new id (no session fixation). */
    public Session start(HttpServletRequest request, HttpServletResponse response, WebSession.Login login) {
        end(request, response);
        String key = newKey();
        Session session = new Session(login, clock.millis());
        sessions.put(key, session);
        if (++created % SWEEP_EVERY == 0) {
            sweep();
        }
        response.addHeader("Set-Cookie", cookie(COOKIE, key, request, false, "Strict"));
        return session;
    }

    /** The signed-in user of this request's cookie, if the session is still alive. */
    public Optional<WebSession.Login> find(HttpServletRequest request) {
        return current(request).map(Session::login);
    }

    /** The session of this request's cookie, if it is still alive. */
    public Optional<Session> current(HttpServletRequest request) {
        String key = cookieValue(request, COOKIE);
        if (key == null) {
            return Optional.empty();
        }
        Session session = sessions.get(key);
        long now = clock.millis();
        if (session == null) {
            return Optional.empty();
        }
        if (now - session.lastAccess > timeout.toMillis()) {
            sessions.remove(key, session);
            return Optional.empty();
        }
        session.lastAccess = now;
        return Optional.of(session);
    }

    /** Signs the browser out: the session ends and the cookie is cleared; the session that ended, if any. */
    public Optional<Session> end(HttpServletRequest request, HttpServletResponse response) {
        String key = cookieValue(request, COOKIE);
        if (key == null) {
            return Optional.empty();
        }
        response.addHeader("Set-Cookie", cookie(COOKIE, "", request, true, "Strict"));
        return Optional.ofNullable(sessions.remove(key));
    }

    /** Ends a session found earlier (a single sign-on whose refresh the provider refused). */
    public void drop(Session session) {
        sessions.values().remove(session);
    }

    /** Keeps what a sign-in at the provider must find again at its callback, under a cookie of its own. */
    public void holdPending(HttpServletRequest request, HttpServletResponse response, Object value) {
        String key = newKey();
        long now = clock.millis();
        pending.values().removeIf(p -> now - p.createdAt() > PENDING_FOR.toMillis());
        pending.put(key, new Pending(value, now));
        response.addHeader("Set-Cookie", cookie(PENDING_COOKIE, key, request, false, "Lax") + "; Max-Age=" + PENDING_FOR.toSeconds());
    }

    /** What {@link #holdPending} kept for this browser, once: it is removed and its cookie cleared. */
    public Optional<Object> takePending(HttpServletRequest request, HttpServletResponse response) {
        String key = cookieValue(request, PENDING_COOKIE);
        if (key == null) {
            return Optional.empty();
        }
        response.addHeader("Set-Cookie", cookie(PENDING_COOKIE, "", request, true, "Lax"));
        Pending found = pending.remove(key);
        return found == null || clock.millis() - found.createdAt() > PENDING_FOR.toMillis() ? Optional.empty() : Optional.of(found.value());
    }

    private static String newKey() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private void sweep() {
        long now = clock.millis();
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastAccess > timeout.toMillis()) {
                it.remove();
            }
        }
    }

    String cookie(String value, HttpServletRequest request, boolean clear) {
        return cookie(COOKIE, value, request, clear, "Strict");
    }

    String cookie(String name, String value, HttpServletRequest request, boolean clear, String sameSite) {
        StringBuilder header = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=").append(sameSite);
        if (clear) {
            header.append("; Max-Age=0");
        }
        if (secure(request)) {
            header.append("; Secure");
        }
        return header.toString();
    }

    boolean secure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        return trustForwardedProto && "https".equalsIgnoreCase(String.valueOf(request.getHeader("X-Forwarded-Proto")).trim());
    }

    private static String cookieValue(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
