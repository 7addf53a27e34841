package com.chatgptconnector.boundary.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cookie's attributes by how the request came in, with and without a trusted proxy. */
class WebSessionsTest {

    private static HttpServletRequest request(boolean secure, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass(WebSessionsTest.class), new Class<?>[]{HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isSecure" -> secure;
                    case "getHeader" -> headers.get((String) args[0]);
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
}
