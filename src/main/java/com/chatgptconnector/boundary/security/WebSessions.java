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
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SWEEP_EVERY = 256;

    @Inject
    @ConfigProperty(name = "connector.session.timeout", defaultValue = "PT30M")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "connector.proxy.trust-forwarded-proto", defaultValue = "false")
    boolean trustForwardedProto;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private int created;

    private static final class Entry {
        final WebSession.Login login;
        volatile long lastAccess;

        Entry(WebSession.Login login, long now) {
            this.login = login;
            this.lastAccess = now;
        }
    }

    /** Signs the browser in: any session it had ends, and it gets a new id (no session fixation). */
    public void start(HttpServletRequest request, HttpServletResponse response, WebSession.Login login) {
        end(request, response);
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(key, new Entry(login, clock.millis()));
        if (++created % SWEEP_EVERY == 0) {
            sweep();
        }
        response.addHeader("Set-Cookie", cookie(key, request, false));
    }

    /** The signed-in user of this request's cookie, if the session is still alive. */
    public Optional<WebSession.Login> find(HttpServletRequest request) {
        String key = cookieValue(request);
        if (key == null) {
            return Optional.empty();
        }
        Entry entry = sessions.get(key);
        long now = clock.millis();
        if (entry == null) {
            return Optional.empty();
        }
        if (now - entry.lastAccess > timeout.toMillis()) {
            sessions.remove(key, entry);
            return Optional.empty();
        }
        entry.lastAccess = now;
        return Optional.of(entry.login);
    }

    /** Signs the browser out: the session ends and the cookie is cleared. */
    public void end(HttpServletRequest request, HttpServletResponse response) {
        String key = cookieValue(request);
        if (key != null) {
            sessions.remove(key);
            response.addHeader("Set-Cookie", cookie("", request, true));
        }
    }

    private void sweep() {
        long now = clock.millis();
        for (Iterator<Entry> it = sessions.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastAccess > timeout.toMillis()) {
                it.remove();
            }
        }
    }

    String cookie(String value, HttpServletRequest request, boolean clear) {
        StringBuilder header = new StringBuilder(COOKIE).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Strict");
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

    private static String cookieValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
