package com.chatgptconnector.boundary.compatible;

import static com.chatgptconnector.json.JsonFactory.JSON;

import com.chatgptconnector.boundary.problem.RequestBodies;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.json.JsonFactory;
import com.chatgptconnector.openai.OpenAiCall;
import com.chatgptconnector.openai.OpenAiHeaders;
import com.chatgptconnector.openai.OpenAiRequest;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.responses.ResponseIds;
import com.chatgptconnector.settings.ActiveSettings;
import com.chatgptconnector.settings.ActiveSettingsCache;
import com.chatgptconnector.usage.Endpoint;
import com.chatgptconnector.usage.MeteredCall;
import com.chatgptconnector.usage.MeteredCall.Meter;
import com.chatgptconnector.usage.MeteredStream;
import com.chatgptconnector.usage.TokenEstimate;
import com.chatgptconnector.usage.TokenUsage;
import com.chatgptconnector.workspace.WorkspaceAccess;
import com.chatgptconnector.workspace.WorkspaceAccess.Grant;
import com.chatgptconnector.workspace.WorkspaceAccess.Rule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An OpenAI-compatible API scoped to one workspace, so the official OpenAI SDKs work unchanged:
 * point their base URL at {@code /api/workspaces/{ws}/openai/v1} and use a workspace API token
 * as the key. Chat completions, the Responses API, embeddings, moderations and models, plain and
 * streamed; each under the workspace's policy (active, allowed models, token limit), with its
 * key, organization and project, through the one metered call ({@link MeteredCall}). This class
 * only adapts HTTP: errors in OpenAI's envelope ({@link OpenAiEnvelope}), OpenAI's headers passed
 * on, an {@code x-request-id} on every answer. Any other path answers {@code unsupported_endpoint}.
 */
@Path("workspaces/{ws}/openai/v1")
@ApplicationScoped // no per-request bean to build: the hot paths run thousands of times a second
@RolesAllowed({Roles.USER, Roles.WORKSPACE_TOKEN})
public class CompatibleEndpointResource {

    private static final Logger LOG = Logger.getLogger(CompatibleEndpointResource.class.getName());

    /** What {@code unsupported_endpoint} names as offered. */
    static final String OFFERED = "POST chat/completions, POST responses, GET and DELETE responses/{id}, "
            + "POST responses/{id}/cancel, POST embeddings, POST moderations, GET models, GET models/{id}";

    @Inject
    WorkspaceAccess access;

    @Inject
    ActiveSettingsCache settings;

    @Inject
    MeteredCall metered;

    @Inject
    ResponseIds responseIds;

    @Inject
    @ConfigProperty(name = "connector.usage.default-max-output-tokens", defaultValue = "1024")
    int defaultMaxOutputTokens;

    private final long maxBodyBytes = RequestBodies.configuredMaxBodyBytes();

    // ------------------------------------------------------------------ the endpoints

    @POST
    @Path("chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    public CompletionStage<Response> chatCompletions(@PathParam("ws") String ws,
                                                     @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long length,
                                                     InputStream entity, @Context HttpServletResponse servlet) {
        String requestId = RequestIds.next();
        try {
            Call call = start(ws, Endpoint.CHAT_COMPLETIONS, entity, length, true, requestId);
            long estimate = TokenEstimate.of(call.body, maxOutputTokens(call.request, "max_completion_tokens", "max_tokens"));
            if (call.request.getBoolean("stream", false)) {
                boolean clientWantsUsage = call.request.get("stream_options") instanceof JsonObject options
                        && options.getBoolean("include_usage", false);
                // the usage chunk is how a stream's tokens are counted; the relay hides it from a client that did not ask
                String forwarded = clientWantsUsage ? call.body : withUsageInStream(call.request);
                return done(stream(call, OpenAiRequest.post("chat/completions", forwarded, "chat-stream", false), estimate,
                        clientWantsUsage, servlet));
            }
            // the request thread goes back to the pool here; the answer is written when OpenAI's is in
            return plain(call, OpenAiRequest.post("chat/completions", call.body, "chat", false), estimate);
        } catch (ProblemException e) {
            return done(OpenAiEnvelope.of(e, requestId));
        }
    }

    @POST
    @Path("responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    public CompletionStage<Response> responses(@PathParam("ws") String ws,
                                               @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long length,
                                               InputStream entity, @Context HttpServletResponse servlet) {
        String requestId = RequestIds.next();
        try {
            Call call = start(ws, Endpoint.RESPONSES, entity, length, true, requestId);
            String previous = call.request.getString("previous_response_id", null);
            if (previous != null && !responseIds.owns(ws, previous)) {
                return done(notFound("Previous response with id '" + previous + "' not found.", "previous_response_id", requestId));
            }
            if (call.request.containsKey("conversation") && call.request.get("conversation") != JsonValue.NULL) {
                // this endpoint creates no conversations, so none named here belongs to the workspace
                return done(notFound("Conversation with id '" + conversationId(call.request.get("conversation")) + "' not found.",
                        "conversation", requestId));
            }
            long estimate = TokenEstimate.of(call.body, maxOutputTokens(call.request, "max_output_tokens"));
            if (call.request.getBoolean("stream", false)) {
                return done(stream(call, OpenAiRequest.post("responses", call.body, "responses-stream", false), estimate, true, servlet));
            }
            return plain(call, OpenAiRequest.post("responses", call.body, "responses", false), estimate);
        } catch (ProblemException e) {
            return done(OpenAiEnvelope.of(e, requestId));
        }
    }

    @GET
    @Path("responses/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> retrieveResponse(@PathParam("ws") String ws, @PathParam("id") String id, @Context UriInfo uri) {
        return onOwnResponse(ws, id, Endpoint.RESPONSES_RETRIEVE, OpenAiRequest.get("responses/" + id + query(uri),
                Endpoint.RESPONSES_RETRIEVE.operation(), false));
    }

    @DELETE
    @Path("responses/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> deleteResponse(@PathParam("ws") String ws, @PathParam("id") String id) {
        return onOwnResponse(ws, id, Endpoint.RESPONSES_DELETE, new OpenAiRequest("DELETE", "responses/" + id, null,
                Endpoint.RESPONSES_DELETE.operation(), false));
    }

    @POST
    @Path("responses/{id}/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> cancelResponse(@PathParam("ws") String ws, @PathParam("id") String id) {
        return onOwnResponse(ws, id, Endpoint.RESPONSES_CANCEL, new OpenAiRequest("POST", "responses/" + id + "/cancel", null,
                Endpoint.RESPONSES_CANCEL.operation(), false));
    }

    @POST
    @Path("embeddings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> embeddings(@PathParam("ws") String ws,
                                                @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long length,
                                                InputStream entity) {
        String requestId = RequestIds.next();
        try {
            Call call = start(ws, Endpoint.EMBEDDINGS, entity, length, true, requestId);
            // only input tokens: an embedding has no output to reserve for
            return plain(call, OpenAiRequest.post("embeddings", call.body, Endpoint.EMBEDDINGS.operation(), false),
                    TokenEstimate.of(call.body, 0));
        } catch (ProblemException e) {
            return done(OpenAiEnvelope.of(e, requestId));
        }
    }

    @POST
    @Path("moderations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> moderations(@PathParam("ws") String ws,
                                                 @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long length,
                                                 InputStream entity) {
        String requestId = RequestIds.next();
        try {
            // the model is optional here: OpenAI picks its moderation model
            Call call = start(ws, Endpoint.MODERATIONS, entity, length, false, requestId);
            return plain(call, OpenAiRequest.post("moderations", call.body, Endpoint.MODERATIONS.operation(), false), 0);
        } catch (ProblemException e) {
            return done(OpenAiEnvelope.of(e, requestId));
        }
    }

    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> models(@PathParam("ws") String ws) {
        String requestId = RequestIds.next();
        try {
            Grant grant = access.require(ws, Rule.MEMBER);
            ActiveSettings active = settings.forUse(ws);
            Call call = new Call(new Meter(ws, null, grant.actor(), Endpoint.MODELS, null, requestId), active, null, null);
            return metered.call(call.meter, active, OpenAiRequest.get("models", Endpoint.MODELS.operation(), false), 0,
                            MeteredCall.tokensOf(call.meter))
                    .handle((answered, error) -> error == null
                            ? ok(answered.call(), filterModels(answered.call().body(), active))
                            : failed(error, requestId));
        } catch (ProblemException e) {
            return done(OpenAiEnvelope.of(e, requestId));
        }
    }

    @GET
    @Path("models/{model}")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> model(@PathParam("ws") String ws, @PathParam("model") String model) {
        String requestId = RequestIds.next();
        try {
            Grant grant = access.require(ws, Rule.MEMBER);
            ActiveSettings active = settings.forUse(ws);
            if (!active.allows(model)) {
                throw new ProblemException(ErrorCode.MODEL_NOT_ALLOWED, Map.of("param", "model"), model);
            }
            if (!PathSegments.plain(model)) {
                return done(notFound("The model '" + model + "' does not exist or you do not have access to it.", "model", requestId));
            }
            Call call = new Call(new Meter(ws, null, grant.actor(), Endpoint.MODELS_RETRIEVE, model, requestId), active, null, null);
            return plain(call, OpenAiRequest.get("models/" + model, Endpoint.MODELS_RETRIEVE.operation(), false), 0);
        } catch (ProblemException e) {
            return done(OpenAiEnvelope.of(e, requestId));
        }
    }

    // ------------------------------------------------------------------ anything else under openai/v1

    @GET
    @Path("{path: .*}")
    @Produces(MediaType.WILDCARD)
    public Response unsupportedGet(@PathParam("ws") String ws, @PathParam("path") String path) {
        return unsupported(ws, "GET", path);
    }

    @POST
    @Path("{path: .*}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.WILDCARD)
    public Response unsupportedPost(@PathParam("ws") String ws, @PathParam("path") String path, @Context HttpHeaders headers) {
        return unsupported(ws, "POST", path, headers);
    }

    @PUT
    @Path("{path: .*}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.WILDCARD)
    public Response unsupportedPut(@PathParam("ws") String ws, @PathParam("path") String path, @Context HttpHeaders headers) {
        return unsupported(ws, "PUT", path, headers);
    }

    @PATCH
    @Path("{path: .*}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.WILDCARD)
    public Response unsupportedPatch(@PathParam("ws") String ws, @PathParam("path") String path, @Context HttpHeaders headers) {
        return unsupported(ws, "PATCH", path, headers);
    }

    @DELETE
    @Path("{path: .*}")
    @Produces(MediaType.WILDCARD)
    public Response unsupportedDelete(@PathParam("ws") String ws, @PathParam("path") String path) {
        return unsupported(ws, "DELETE", path);
    }

    @HEAD
    @Path("{path: .*}")
    public Response unsupportedHead(@PathParam("ws") String ws, @PathParam("path") String path) {
        return unsupported(ws, "HEAD", path);
    }


    /**
     * OpenAI answers a path it lacks with 404 {@code invalid_request_error}; this names what is
     * offered. A path that is offered, with another method, is 405 with the methods it takes.
     */
    private Response unsupported(String ws, String method, String path) {
        return unsupported(ws, method, path, null);
    }

    private Response unsupported(String ws, String method, String path, HttpHeaders headers) {
        String requestId = RequestIds.next();
        try {
            access.require(ws, Rule.MEMBER);
            String allowed = allowedMethods(path);
            if (allowed != null && headers != null && List.of(allowed.split(",\\s*")).contains(method)) {
                // an offered path and method that did not match on media types: Jersey answers
                // 415 / 406 itself, RESTEasy (WildFly) routes here instead
                MediaType type = headers.getMediaType();
                boolean json = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
                return OpenAiEnvelope.of(json ? ErrorCode.NOT_ACCEPTABLE : ErrorCode.UNSUPPORTED_MEDIA_TYPE, requestId, Map.of());
            }
            if (allowed != null) {
                return Response.fromResponse(OpenAiEnvelope.of(ErrorCode.METHOD_NOT_ALLOWED, requestId, Map.of()))
                        .header("Allow", allowed).build();
            }
            return OpenAiEnvelope.of(ErrorCode.UNSUPPORTED_ENDPOINT, requestId, Map.of(),
                    method + " /v1/" + path, OFFERED);
        } catch (ProblemException e) {
            return OpenAiEnvelope.of(e, requestId);
        }
    }

    /** The methods an offered path takes, {@code null} for a path that is not offered. */
    static String allowedMethods(String path) {
        String[] segments = path.split("/", -1);
        return switch (segments.length) {
            case 1 -> switch (segments[0]) {
                case "responses", "embeddings", "moderations" -> "POST";
                case "models" -> "GET";
                default -> null;
            };
            case 2 -> "chat".equals(segments[0]) && "completions".equals(segments[1]) ? "POST"
                    : "responses".equals(segments[0]) && !segments[1].isEmpty() ? "GET, DELETE"
                    : "models".equals(segments[0]) && !segments[1].isEmpty() ? "GET" : null;
            case 3 -> "responses".equals(segments[0]) && "cancel".equals(segments[2]) ? "POST" : null;
            default -> null;
        };
    }

    // ------------------------------------------------------------------ the steps every call takes

    /** A call's parts once the caller, the workspace's policy and the body have been checked. */
    private record Call(Meter meter, ActiveSettings active, String body, JsonObject request) {
    }

    /** The caller may use the workspace, it is active, the body is JSON, and its model (where one is named) allowed. */
    private Call start(String ws, Endpoint endpoint, InputStream entity, long length, boolean modelRequired, String requestId) {
        Grant grant = access.require(ws, Rule.MEMBER);
        String body = RequestBodies.text(entity, length, maxBodyBytes);
        JsonObject request = RequestBodies.jsonObject(body);
        String model = request.get("model") instanceof JsonString s ? s.getString() : null;
        if (model == null || model.isBlank()) {
            if (modelRequired) {
                throw new ProblemException(ErrorCode.VALIDATION_FAILED, Map.of("param", "model", "reason", "model_required"), 1);
            }
            model = null;
        }
        ActiveSettings active = settings.forUse(ws);
        if (model != null && !active.allows(model)) {
            throw new ProblemException(ErrorCode.MODEL_NOT_ALLOWED, Map.of("param", "model"), model);
        }
        return new Call(new Meter(ws, null, grant.actor(), endpoint, model, requestId), active, body, request);
    }

    private CompletionStage<Response> plain(Call call, OpenAiRequest request, long estimate) {
        return metered.call(call.meter, call.active, request, estimate, MeteredCall.tokensOf(call.meter))
                .handle((answered, error) -> {
                    if (error != null) {
                        return failed(error, call.meter.requestId());
                    }
                    if (call.meter.endpoint() == Endpoint.RESPONSES) {
                        // before the caller learns the id: it may read or continue the response at once
                        responseIds.created(call.meter.workspaceId(), TokenUsage.firstString(answered.call().body(), "id"));
                    }
                    return ok(answered.call(), null);
                });
    }

    /** A response id this workspace did not create is one that does not exist, as OpenAI would say. */
    private CompletionStage<Response> onOwnResponse(String ws, String id, Endpoint endpoint, OpenAiRequest request) {
        String requestId = RequestIds.next();
        try {
            Grant grant = access.require(ws, Rule.MEMBER);
            ActiveSettings active = settings.forUse(ws);
            if (!responseIds.owns(ws, id)) {
                return done(notFound("Response with id '" + id + "' not found.", null, requestId));
            }
            Meter meter = new Meter(ws, null, grant.actor(), endpoint, null, requestId);
            return metered.call(meter, active, request, 0, MeteredCall.tokensOf(meter))
                    .handle((answered, error) -> {
                        if (error != null) {
                            return failed(error, requestId);
                        }
                        if (endpoint == Endpoint.RESPONSES_DELETE) {
                            responseIds.deleted(ws, id);
                        }
                        return ok(answered.call(), null);
                    });
        } catch (ProblemException e) {
            return done(OpenAiEnvelope.of(e, requestId));
        }
    }

    /**
     * Passes the events on as they arrive (MeteredStream), with OpenAI's headers; a stream that
     * broke off ends with its error event and then a closed connection, not a complete body.
     */
    private Response stream(Call call, OpenAiRequest request, long estimate, boolean clientWantsUsage, HttpServletResponse servlet) {
        MeteredStream upstream = metered.stream(call.meter, call.active, request, estimate, clientWantsUsage);
        String ws = call.meter.workspaceId();
        StreamingOutput events = out -> {
            try {
                upstream.relay(out, id -> responseIds.created(ws, id));
            } catch (MeteredStream.Interrupted cut) {
                if (servlet == null || !ConnectionAbort.abort(servlet)) {
                    throw cut;
                }
            }
        };
        Response.ResponseBuilder ok = Response.ok(events, MediaType.SERVER_SENT_EVENTS_TYPE)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
        withOpenAiHeaders(ok, upstream.headers(), upstream.openaiRequestId(), call.meter.requestId());
        return ok.build();
    }

    private static Response ok(OpenAiCall call, String replacedBody) {
        // as bytes: Jersey writes a String through a new 8 KiB encoder per response (an allocation
        // profile's top site); and with its length, as Jersey no longer buffers a response to count it
        byte[] body = (replacedBody == null ? call.body() : replacedBody).getBytes(StandardCharsets.UTF_8);
        Response.ResponseBuilder ok = Response.status(call.status()).entity(body).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, body.length);
        withOpenAiHeaders(ok, call.headers(), call.openaiRequestId(), null);
        return ok.build();
    }

    private static void withOpenAiHeaders(Response.ResponseBuilder answer, OpenAiHeaders headers, String openaiRequestId,
                                          String ownRequestId) {
        headers.forEach((name, value) -> {
            if (!RequestIds.HEADER.equals(name)) {
                answer.header(name, value);
            }
        });
        answer.header(RequestIds.HEADER, openaiRequestId != null ? openaiRequestId : ownRequestId != null ? ownRequestId : RequestIds.next());
    }

    private static Response failed(Throwable error, String requestId) {
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        if (cause instanceof ProblemException problem) {
            return OpenAiEnvelope.of(problem, requestId);
        }
        LOG.log(Level.SEVERE, "OpenAI-compatible call " + requestId + " failed unexpectedly", cause);
        return OpenAiEnvelope.of(new ProblemException(ErrorCode.INTERNAL_ERROR, Map.of("incident", requestId), requestId), requestId);
    }

    private static Response notFound(String message, String param, String requestId) {
        return OpenAiEnvelope.builder(404, message, "invalid_request_error", param, ErrorCode.NOT_FOUND.code(), requestId)
                .header("x-should-retry", "false").build();
    }

    private static CompletionStage<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }

    private static String query(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return query == null ? "" : "?" + query;
    }

    private static String conversationId(JsonValue conversation) {
        if (conversation instanceof JsonString s) {
            return s.getString();
        }
        return conversation instanceof JsonObject o ? o.getString("id", "") : "";
    }

    /** Asks OpenAI for the usage chunk at the end of a stream; it is how tokens get counted. */
    private static String withUsageInStream(JsonObject request) {
        JsonObjectBuilder options = JSON.createObjectBuilder(request.get("stream_options") instanceof JsonObject o
                ? o : JsonValue.EMPTY_JSON_OBJECT).add("include_usage", true);
        return JSON.createObjectBuilder(request).add("stream_options", options).build().toString();
    }

    private long maxOutputTokens(JsonObject request, String... names) {
        for (String name : names) {
            if (request.get(name) instanceof JsonNumber n) {
                return n.longValue();
            }
        }
        return defaultMaxOutputTokens;
    }

    /** Only the workspace's allowed models, where it restricts them. */
    private static String filterModels(String body, ActiveSettings active) {
        if (active.allowedModels().isEmpty()) {
            return null;
        }
        try {
            JsonObject list = JsonFactory.readObject(body);
            var data = JSON.createArrayBuilder();
            list.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .filter(m -> active.allows(m.getString("id", ""))).forEach(data::add);
            return JSON.createObjectBuilder(list).add("data", data).build().toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Path segments passed on to OpenAI: plain ids only, so a caller cannot reach another path. */
    static final class PathSegments {
        private PathSegments() {
        }

        static boolean plain(String segment) {
            return segment.matches("[A-Za-z0-9_.:-]{1,200}") && !segment.contains("..");
        }
    }
}
