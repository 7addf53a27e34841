package com.chatgptconnector.boundary.compatible;

import static com.chatgptconnector.json.JsonFactory.JSON;

import com.chatgptconnector.boundary.problem.Problems;
import com.chatgptconnector.boundary.problem.RequestBodies;
import com.chatgptconnector.identity.Roles;
import com.chatgptconnector.json.JsonFactory;
import com.chatgptconnector.openai.OpenAiCall;
import com.chatgptconnector.openai.OpenAiException;
import com.chatgptconnector.openai.OpenAiFailure;
import com.chatgptconnector.openai.OpenAiGateway;
import com.chatgptconnector.openai.OpenAiStream;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.settings.ActiveSettings;
import com.chatgptconnector.settings.ActiveSettingsCache;
import com.chatgptconnector.usage.MeteredChat;
import com.chatgptconnector.usage.TokenBudget;
import com.chatgptconnector.usage.TokenEstimate;
import com.chatgptconnector.usage.UsageEntry;
import com.chatgptconnector.usage.UsageService;
import com.chatgptconnector.workspace.WorkspaceAccess;
import com.chatgptconnector.workspace.WorkspaceAccess.Grant;
import com.chatgptconnector.workspace.WorkspaceAccess.Rule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An OpenAI-compatible API scoped to one workspace, so the official OpenAI SDKs work unchanged:
 * point their base URL at {@code /api/workspaces/{ws}/openai/v1} and use a workspace API token
 * as the key. The workspace's policy applies (active, allowed models, token limit), its key,
 * organization and project are injected, and errors come back in OpenAI's own shape.
 */
@Path("workspaces/{ws}/openai/v1")
@ApplicationScoped // no per-request bean to build: the hot paths run thousands of times a second
@RolesAllowed({Roles.USER, Roles.WORKSPACE_TOKEN})
public class CompatibleEndpointResource {

    private static final Logger LOG = Logger.getLogger(CompatibleEndpointResource.class.getName());

    @Inject
    WorkspaceAccess access;

    @Inject
    ActiveSettingsCache settings;

    @Inject
    OpenAiGateway gateway;

    @Inject
    TokenBudget budget;

    @Inject
    UsageService usage;

    @Inject
    MeteredChat metered;

    @Inject
    @ConfigProperty(name = "connector.usage.default-max-output-tokens", defaultValue = "1024")
    int defaultMaxOutputTokens;

    private final long maxBodyBytes = RequestBodies.configuredMaxBodyBytes();

    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    public Response models(@PathParam("ws") String ws) {
        try {
            access.require(ws, Rule.MEMBER);
            ActiveSettings active = settings.forUse(ws);
            OpenAiCall call = gateway.listModels(ws, active.credentials());
            return Response.ok(filterModels(call.body(), active), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (ProblemException e) {
            return envelope(e);
        }
    }

    @POST
    @Path("chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    public CompletionStage<Response> chatCompletions(@PathParam("ws") String ws,
                                                     @HeaderParam(HttpHeaders.CONTENT_LENGTH) @DefaultValue("-1") long length,
                                                     InputStream entity) {
        try {
            Grant grant = access.require(ws, Rule.MEMBER);
            String body = RequestBodies.text(entity, length, maxBodyBytes);
            JsonObject request = RequestBodies.jsonObject(body);
            String model = request.getString("model", null);
            if (model == null || model.isBlank()) {
                return done(OpenAiEnvelope.response(400, "You must provide a model parameter.", "invalid_request_error", null));
            }
            ActiveSettings active = settings.forUse(ws);
            if (!active.allows(model)) {
                return done(OpenAiEnvelope.response(403, "The model '" + model + "' is not allowed in this workspace.",
                        "invalid_request_error", "model_not_allowed"));
            }
            if (request.getBoolean("stream", false)) {
                String forwarded = withUsageInStream(request);
                TokenBudget.Reservation reservation = budget.reserve(ws, active.tokenLimit(),
                        TokenEstimate.of(forwarded, maxOutputTokens(request)));
                return done(stream(ws, grant.actor(), model, active, forwarded, reservation));
            }
            // the request thread goes back to the pool here; the answer is written when OpenAI's is in
            return metered.completeAsync(ws, null, grant.actor(), model, active, body, maxOutputTokens(request))
                    .handle((completed, error) -> error == null ? ok(completed.call()) : failed(error));
        } catch (ProblemException e) {
            return done(envelope(e));
        }
    }

    private static Response ok(OpenAiCall call) {
        // as bytes: Jersey writes a String through a new 8 KiB encoder per response (an allocation
        // profile's top site); and with its length, as Jersey no longer buffers a response to count it
        byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
        Response.ResponseBuilder ok = Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CONTENT_LENGTH, body.length);
        if (call.openaiRequestId() != null) {
            ok.header("x-request-id", call.openaiRequestId());
        }
        return ok.build();
    }

    private static Response failed(Throwable error) {
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        if (cause instanceof ProblemException problem) {
            return envelope(problem);
        }
        LOG.log(Level.SEVERE, "Chat completion failed unexpectedly", cause);
        return envelope(new ProblemException(ErrorCode.INTERNAL_ERROR));
    }

    private static CompletionStage<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }

    /**
     * Passes the events through line by line as they arrive, flushing at each event boundary, and
     * reads the usage from the final chunk that {@code stream_options.include_usage} asks for.
     */
    private Response stream(String ws, String actor, String model, ActiveSettings active, String body, TokenBudget.Reservation reservation) {
        OpenAiStream upstream;
        try {
            upstream = gateway.streamChatCompletions(ws, active.credentials(), body);
        } catch (OpenAiException e) {
            budget.release(reservation);
            usage.record(new UsageEntry(ws, null, actor, model, 0, 0, e.code().code(), 0, e.failure().openaiRequestId()));
            throw e;
        }
        StreamingOutput events = out -> relay(upstream, out, ws, actor, model, reservation);
        Response.ResponseBuilder ok = Response.ok(events, MediaType.SERVER_SENT_EVENTS_TYPE)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
        if (upstream.openaiRequestId() != null) {
            ok.header("x-request-id", upstream.openaiRequestId());
        }
        return ok.build();
    }

    private void relay(OpenAiStream upstream, OutputStream out, String ws, String actor, String model,
                       TokenBudget.Reservation reservation) throws IOException {
        long prompt = 0;
        long completion = 0;
        String answeredModel = model;
        String outcome = "ok";
        try (upstream; BufferedReader lines = new BufferedReader(new InputStreamReader(upstream.events(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                if (line.isEmpty()) {
                    out.flush();
                } else if (line.startsWith("data:") && line.contains("\"usage\"")) {
                    JsonObject usageOf = usageIn(line.substring(5).trim());
                    if (usageOf != null) {
                        prompt = usageOf.getJsonNumber("prompt_tokens").longValue();
                        completion = usageOf.getJsonNumber("completion_tokens").longValue();
                    }
                }
            }
            out.flush();
        } catch (IOException e) {
            // the client went away or OpenAI broke off: count what was used so far
            outcome = ErrorCode.OPENAI_UNAVAILABLE.code();
            throw e;
        } finally {
            budget.settle(reservation, prompt + completion);
            usage.record(new UsageEntry(ws, null, actor, answeredModel, prompt, completion, outcome,
                    (System.nanoTime() - upstream.startedNanos()) / 1_000_000, upstream.openaiRequestId()));
        }
    }

    private static JsonObject usageIn(String data) {
        try {
            JsonValue usage = JsonFactory.readObject(data).get("usage");
            return usage instanceof JsonObject object ? object : null;
        } catch (JsonException | ClassCastException e) {
            return null;
        }
    }

    /** Asks OpenAI for the usage chunk at the end of a stream; it is how tokens get counted. */
    private static String withUsageInStream(JsonObject request) {
        JsonObjectBuilder options = JSON.createObjectBuilder(request.containsKey("stream_options")
                && request.get("stream_options") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT).add("include_usage", true);
        return JSON.createObjectBuilder(request).add("stream_options", options).build().toString();
    }

    private long maxOutputTokens(JsonObject request) {
        for (String name : new String[]{"max_completion_tokens", "max_tokens"}) {
            if (request.get(name) instanceof JsonNumber n) {
                return n.longValue();
            }
        }
        return defaultMaxOutputTokens;
    }

    /** Only the workspace's allowed models, where it restricts them. */
    private static String filterModels(String body, ActiveSettings active) {
        if (active.allowedModels().isEmpty()) {
            return body;
        }
        try {
            JsonObject list = JsonFactory.readObject(body);
            var data = JSON.createArrayBuilder();
            list.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .filter(m -> active.allows(m.getString("id", ""))).forEach(data::add);
            return JSON.createObjectBuilder(list).add("data", data).build().toString();
        } catch (RuntimeException e) {
            return body;
        }
    }

    /** Our refusals and OpenAI's classified failures in OpenAI's error shape and status. */
    private static Response envelope(ProblemException e) {
        String message = Problems.detail(e.code(), Locale.ENGLISH, e.extensions(), e.detailArgs());
        if (e instanceof OpenAiException openai && openai.failure().httpStatus() > 0) {
            OpenAiFailure f = openai.failure();
            Response response = OpenAiEnvelope.response(f.httpStatus(), message,
                    f.openaiType() == null ? "api_error" : f.openaiType(), f.openaiCode());
            return withRetryAfter(response, e);
        }
        String type = switch (e.code()) {
            case UNAUTHORIZED -> "authentication_error";
            case FORBIDDEN, CHATGPT_NOT_ACTIVATED, WORKSPACE_NOT_FOUND -> "permission_error";
            case TOKEN_LIMIT_REACHED, RATE_LIMITED -> "rate_limit_error";
            case OPENAI_UNAVAILABLE, OPENAI_TIMEOUT, INTERNAL_ERROR, SERVICE_BUSY -> "server_error";
            default -> "invalid_request_error";
        };
        return withRetryAfter(OpenAiEnvelope.response(e.code().status(), message, type, e.code().code()), e);
    }

    private static Response withRetryAfter(Response response, ProblemException e) {
        Object seconds = e.extensions().get("retryAfterSeconds");
        return seconds == null ? response : Response.fromResponse(response).header("retry-after", seconds).build();
    }

}
