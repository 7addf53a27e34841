package com.chatgptconnector.boundary.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cookie's attributes by how the request came in, with and without a trusted proxy. */
class WebSessionsTest {

    private static HttpServletRequest request(boolean secure, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass(WebSessionsTest.class), new Class<?>[]{HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isSecure" -> secure;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getCookies" -> headers.containsKey("Cookie") ? new Cookie[]{new Cookie(headers.get("Cookie").split("=", 2)[0],
                            headers.get("Cookie").split("=", 2)[1])} : null;
                    default -> null;
                });
    }

    private static ClassLoader getClass(Class<?> c) {
        return c.getClassLoader();
    }

    private static WebSessions sessions(boolean trustProxy) {
        WebSessions sessions = new WebSessions();
        sessions.timeout = Duration.ofMinutes(30);
        sessions.trustForwardedProto = trustProxy;
        return sessions;
    }

    @Test
    void plainHttpIsNotSecureEvenWhenAClientClaimsHttps() {
        HttpServletRequest claimed = request(false, Map.of("X-Forwarded-Proto", "https"));
        assertEquals("connector_session=abc; Path=/; HttpOnly; SameSite=Strict", sessions(false).cookie("abc", claimed, false));
    }

    @Test
    void httpsOrATrustedProxysWordMakesItSecure() {
        assertEquals("connector_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure",
                sessions(false).cookie("abc", request(true, Map.of()), false));
        assertEquals("connector_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure",
                sessions(true).cookie("abc", request(false, Map.of("X-Forwarded-Proto", "HTTPS")), false));
        assertEquals("connector_session=abc; Path=/; HttpOnly; SameSite=Strict",
                sessions(true).cookie("abc", request(false, Map.of("X-Forwarded-Proto", "http")), false));
    }

    @Test
    void signOutClearsTheCookie() {
        assertEquals("connector_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0",
                sessions(false).cookie("", request(false, Map.of()), true));
    }

    private static HttpServletResponse response(List<String> setCookies) {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass(WebSessionsTest.class), new Class<?>[]{HttpServletResponse.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("addHeader") && "Set-Cookie".equals(args[0])) {
                        setCookies.add((String) args[1]);
                    }
                    return null;
                });
    }

    @Test
    void aSingleSignOnUnderWayComesBackFromTheProviderOnceAndOnlyToItsBrowser() {
        WebSessions sessions = sessions(false);
        List<String> set = new ArrayList<>();
        sessions.holdPending(request(false, Map.of()), response(set), "state-and-verifier");
        // Lax: the provider's redirect back is a navigation from another site, which a Strict cookie would miss
        assertTrue(set.get(0).matches("connector_sign_in=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Max-Age=600"), set.get(0));
        String cookie = set.get(0).substring(0, set.get(0).indexOf(';'));

        assertEquals(Optional.empty(), sessions.takePending(request(false, Map.of("Cookie", "connector_sign_in=guessed")), response(set)));
        assertEquals(Optional.of("state-and-verifier"), sessions.takePending(request(false, Map.of("Cookie", cookie)), response(set)));
        assertEquals(Optional.empty(), sessions.takePending(request(false, Map.of("Cookie", cookie)), response(set)), "used once");
        assertEquals("connector_sign_in=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0", set.get(set.size() - 1));
    }

    @Test
    void aSessionEndsOnceAndItsRenewedSignInIsWhatLaterRequestsSee() {
        WebSessions sessions = sessions(false);
        List<String> set = new ArrayList<>();
        WebSessions.Session started = sessions.start(request(false, Map.of()), response(set),
                new WebSession.Login("ada", java.util.Set.of("user"), "csrf"));
        String cookie = set.get(0).substring(0, set.get(0).indexOf(';'));
        started.login(new WebSession.Login("ada", java.util.Set.of("user", "operator"), "csrf"));
        assertEquals(java.util.Set.of("user", "operator"), sessions.find(request(false, Map.of("Cookie", cookie))).orElseThrow().groups());
        assertEquals(Optional.of(started), sessions.end(request(false, Map.of("Cookie", cookie)), response(set)));
        assertEquals(Optional.empty(), sessions.find(request(false, Map.of("Cookie", cookie))));
    }
}
