package com.chatgptconnector.boundary.compatible;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends an answer whose body is under way by closing its connection, so the client sees a body
 * broken off rather than complete: a stream that OpenAI cut must not look like a whole answer to
 * a client that ignores the error event before it (docs/api.md, the OpenAI-compatible endpoint). The Servlet API
 * has no way to say "abort": a response ends with its last chunk however the application fails.
 * So this reaches the container's connection, on Payara (Grizzly, through Catalina's response) and
 * on WildFly (Undertow's exchange) by reflection, and does nothing elsewhere (the error event is
 * then the only sign, which every official SDK raises on anyway).
 */
final class ConnectionAbort {

    private static final Logger LOG = Logger.getLogger(ConnectionAbort.class.getName());

    private ConnectionAbort() {
    }

    /** True if the connection was closed; the error event must have been flushed before. */
    static boolean abort(ServletResponse response) {
        try {
            // what the relay wrote (the error event) goes out before the connection closes
            response.flushBuffer();
        } catch (java.io.IOException gone) {
            return true;
        }
        ServletResponse inner = response;
        while (inner instanceof ServletResponseWrapper wrapper) {
            inner = wrapper.getResponse();
        }
        try {
            Object connection = payaraConnection(inner);
            if (connection == null) {
                connection = undertowConnection(inner);
            }
            if (connection == null) {
                LOG.fine(() -> "No way to abort a response of " + response.getClass().getName());
                return false;
            }
            for (String close : new String[]{"closeSilently", "close"}) {
                Method method = method(connection.getClass(), close);
                if (method != null) {
                    method.invoke(connection);
                    return true;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Response not aborted: {0}", e.toString());
        }
        return false;
    }

    /** Catalina's ResponseFacade → its Response → Grizzly's response → request → connection. */
    private static Object payaraConnection(ServletResponse response) throws ReflectiveOperationException {
        Field field = field(response.getClass(), "response");
        if (field == null) {
            return null;
        }
        field.setAccessible(true);
        Object catalina = field.get(response);
        Method coyote = catalina == null ? null : method(catalina.getClass(), "getCoyoteResponse");
        Object grizzly = coyote == null ? null : coyote.invoke(catalina);
        Method request = grizzly == null ? null : method(grizzly.getClass(), "getRequest");
        Object grizzlyRequest = request == null ? null : request.invoke(grizzly);
        Method connection = grizzlyRequest == null ? null : method(grizzlyRequest.getClass(), "getConnection");
        return connection == null ? null : connection.invoke(grizzlyRequest);
    }

    /** Undertow's HttpServletResponseImpl → its exchange → connection. */
    private static Object undertowConnection(ServletResponse response) throws ReflectiveOperationException {
        Method exchange = method(response.getClass(), "getExchange");
        Object httpExchange = exchange == null ? null : exchange.invoke(response);
        Method connection = httpExchange == null ? null : method(httpExchange.getClass(), "getConnection");
        return connection == null ? null : connection.invoke(httpExchange);
    }

    private static Method method(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0) {
                    return m;
                }
            }
        }
        return null;
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }
}
