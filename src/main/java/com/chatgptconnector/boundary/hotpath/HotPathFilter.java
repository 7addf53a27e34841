package com.chatgptconnector.boundary.hotpath;

import com.chatgptconnector.block.BlockRunner;
import com.chatgptconnector.boundary.block.BlockResource;
import com.chatgptconnector.boundary.block.RunRequestReader;
import com.chatgptconnector.boundary.block.RunResultWriter;
import com.chatgptconnector.boundary.compatible.CompatibleEndpointResource;
import com.chatgptconnector.boundary.compatible.EnvelopeFilter;
import com.chatgptconnector.boundary.compatible.RequestIds;
import com.chatgptconnector.boundary.problem.FallbackExceptionMapper;
import com.chatgptconnector.boundary.problem.RequestBodies;
import com.chatgptconnector.boundary.security.PageChallengeFilter;
import com.chatgptconnector.boundary.security.RoleEnforcementFeature;
import com.chatgptconnector.boundary.security.WebSession;
import com.chatgptconnector.problem.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves {@code POST /api/workspaces/{ws}/openai/v1/chat/completions} and {@code …/openai/v1/responses}
 * (plain and streamed), and
 * {@code POST /api/workspaces/{ws}/chatgpt/blocks/{id}/runs} without Jersey: it checks the roles the
 * resource method declares, calls that method, and writes its answer (or renders its failure as
 * the exception mappers would) when OpenAI's is in, on an asynchronous servlet request. A request
 * it does not recognise as plainly one of these (another method or path, a body that is not JSON,
 * an {@code Accept} without JSON, a caller our authentication module did not sign in with one of
 * the roles) goes down the chain to Jersey, which answers it as before.
 */
public class HotPathFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(HotPathFilter.class.getName());

    private static final List<String> COMPLETION_ROLES = roles(CompatibleEndpointResource.class, "chatCompletions");
    private static final List<String> RUN_ROLES = roles(BlockResource.class, "run");
    private static final List<String> RESPONSES_ROLES = roles(CompatibleEndpointResource.class, "responses");

    @Inject
    CompatibleEndpointResource compatible;

    @Inject
    BlockResource blocks;

    private final long maxBodyBytes = RequestBodies.configuredMaxBodyBytes();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String[] path = "POST".equals(request.getMethod()) && json(request.getContentType())
                ? segments(request.getRequestURI(), request.getContextPath()) : null;
        if (path != null && path.length >= 6 && "api".equals(path[0]) && "workspaces".equals(path[1])) {
            String ws = path[2];
            String accept = request.getHeader("Accept");
            if ("openai".equals(path[3]) && "v1".equals(path[4]) && acceptsJsonOrEvents(accept)) {
                // chat completions and the Responses API, plain and streamed: a stream that breaks off is
                // aborted here, on the servlet response, where Jersey would log its closing as an error
                boolean chat = path.length == 7 && "chat".equals(path[5]) && "completions".equals(path[6]);
                boolean responses = path.length == 6 && "responses".equals(path[5]);
                if (chat && RoleEnforcementFeature.signedInAs(request, COMPLETION_ROLES)) {
                    long length = request.getContentLengthLong();
                    serve(request, response, () -> compatible.chatCompletions(ws, length, request.getInputStream(), response),
                            HotPathFilter::envelope);
                    return;
                }
                if (responses && RoleEnforcementFeature.signedInAs(request, RESPONSES_ROLES)) {
                    long length = request.getContentLengthLong();
                    serve(request, response, () -> compatible.responses(ws, length, request.getInputStream(), response),
                            HotPathFilter::envelope);
                    return;
                }
            }
            if (path.length == 7 && "chatgpt".equals(path[3]) && "blocks".equals(path[4]) && "runs".equals(path[6])
                    && acceptsJson(accept) && RoleEnforcementFeature.signedInAs(request, RUN_ROLES)) {
                String block = path[5];
                serve(request, response, () -> {
                    InputStream body = request.getInputStream();
                    return blocks.run(ws, block, RunRequestReader.read(body, request.getContentLengthLong(), maxBodyBytes))
                            .thenApply(HotPathFilter::ok);
                }, FallbackExceptionMapper::render);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @FunctionalInterface
    private interface Call {
        CompletionStage<Response> start() throws IOException;
    }

    /** How a failure the resource method did not answer itself is rendered: a problem body, or OpenAI's envelope. */
    @FunctionalInterface
    private interface Failure {
        Response render(Throwable error, Locale locale);
    }

    /** Answers at once what is decided at once; otherwise when the stage completes, off this thread. */
    private static void serve(HttpServletRequest request, HttpServletResponse response, Call call, Failure failures) throws IOException {
        Locale locale = locale(request);
        CompletableFuture<Response> answer;
        try {
            answer = call.start().toCompletableFuture();
        } catch (IOException | RuntimeException e) {
            write(failures.render(e, locale), request, response);
            return;
        }
        if (answer.isDone()) {
            write(answer.handle((done, error) -> error == null ? done : failure(error, locale, failures)).join(), request, response);
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        // the gateway bounds the wait for OpenAI itself (read timeout, retries); a container timeout would only cut it short
        async.setTimeout(0);
        answer.whenComplete((done, error) -> {
            try {
                write(error == null ? done : failure(error, locale, failures), request, (HttpServletResponse) async.getResponse());
            } catch (IOException | RuntimeException e) {
                // the client went away; the usage is recorded already
                LOG.log(Level.FINE, "Answer not written: {0}", e.getClass().getName());
            } finally {
                async.complete();
            }
        });
    }

    private static Response failure(Throwable error, Locale locale, Failure failures) {
        return failures.render(error instanceof CompletionException ? error.getCause() : error, locale);
    }

    /** Under {@code openai/v1}: the problem Jersey's mappers would render, in OpenAI's envelope. */
    private static Response envelope(Throwable error, Locale locale) {
        Response problem = FallbackExceptionMapper.render(error, Locale.ENGLISH);
        return EnvelopeFilter.toEnvelope((String) problem.getEntity(), problem.getStatus(), RequestIds.next()).build();
    }

    private static Response ok(BlockRunner.RunResult result) {
        byte[] body = RunResultWriter.bytes(result);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Content-Length", body.length).build();
    }

    /**
     * A response built for Jersey, written as Jersey would: status, headers, then the entity; for
     * the web pages without a Basic challenge, as {@link PageChallengeFilter} does for Jersey.
     */
    static void write(Response answer, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(answer.getStatus());
        boolean page = request.getHeader(WebSession.PAGE_HEADER) != null;
        answer.getStringHeaders().forEach((name, values) -> {
            if (!(page && "WWW-Authenticate".equalsIgnoreCase(name))) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        Object entity = answer.getEntity();
        if (entity instanceof byte[] bytes) {
            response.getOutputStream().write(bytes);
        } else if (entity instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } else if (entity instanceof StreamingOutput stream) {
            stream.write(response.getOutputStream());
        } else if (entity != null) {
            throw new IllegalStateException("No writer here for " + entity.getClass().getName());
        }
    }

    /** The caller's language as Jersey's mappers pick it: English unless the request asks otherwise. */
    static Locale locale(HttpServletRequest request) {
        // without the header the container offers its own default locale, which Jersey does not
        return request.getHeader("Accept-Language") == null ? Locale.ENGLISH : Messages.pick(Collections.list(request.getLocales()));
    }

    /** The path's segments after the context path, or {@code null} where Jersey's decoding could matter. */
    static String[] segments(String uri, String contextPath) {
        String path = uri.substring(contextPath.length());
        if (!path.startsWith("/") || path.endsWith("/") || path.indexOf('%') >= 0 || path.indexOf(';') >= 0 || path.contains("//")) {
            return null;
        }
        return path.substring(1).split("/");
    }

    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().equalsIgnoreCase(MediaType.APPLICATION_JSON);
    }

    /**
     * No {@code Accept}, or one under which JSON is acceptable ({@link AcceptHeader}); a header
     * that refuses JSON, or does not parse, is Jersey's to answer.
     */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        AcceptHeader header = AcceptHeader.of(accept);
        return header != null && header.accepts(MediaType.APPLICATION_JSON_TYPE);
    }

    /** As {@link #acceptsJson}, or server-sent events (LangChain4j asks for {@code text/event-stream} alone). */
    static boolean acceptsJsonOrEvents(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        AcceptHeader header = AcceptHeader.of(accept);
        return header != null && (header.accepts(MediaType.APPLICATION_JSON_TYPE) || header.accepts(MediaType.SERVER_SENT_EVENTS_TYPE));
    }

    private static List<String> roles(Class<?> resource, String method) {
        for (var m : resource.getMethods()) {
            if (m.getName().equals(method)) {
                List<String> roles = RoleEnforcementFeature.rolesOf(resource, m);
                if (roles == null) {
                    throw new IllegalStateException(resource.getSimpleName() + "." + method + " must declare its roles");
                }
                return roles;
            }
        }
        throw new IllegalStateException("No method " + method + " on " + resource.getSimpleName());
    }
}
