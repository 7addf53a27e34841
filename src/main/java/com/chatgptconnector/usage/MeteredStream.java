package com.chatgptconnector.usage;

import static com.chatgptconnector.json.JsonFactory.JSON;

import com.chatgptconnector.openai.OpenAiEvents;
import com.chatgptconnector.openai.OpenAiHeaders;
import com.chatgptconnector.openai.OpenAiStream;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A streamed answer on its way to the caller, passed on event by event as OpenAI writes it (never
 * held whole), and metered as it goes: the usage comes from the chat completion's usage chunk or
 * the Responses API's {@code response.completed}. A caller that did not ask for the usage chunk
 * ({@code stream_options.include_usage}) never sees it, though the service asks OpenAI for it.
 *
 * <p>A stream that breaks off (OpenAI cuts it or reports an error part-way, a read times out, the
 * service stops) ends with an SSE {@code error} event in OpenAI's shape, which the SDKs raise, and
 * then an aborted body rather than a clean end: {@link #relay} throws. Its usage record names the
 * outcome ({@code stream_interrupted}, {@code openai_timeout}, {@code client_closed}) and counts
 * what OpenAI reported, if anything.
 */
public final class MeteredStream implements AutoCloseable {

    /** Thrown after the error event is written: the body must not end as if complete. */
    public static final class Interrupted extends IOException {
        Interrupted(String outcome) {
            super("stream ended " + outcome, null);
        }
    }

    private final MeteredCall metering;
    private final MeteredCall.Meter meter;
    private final TokenBudget.Reservation reservation;
    private final OpenAiStream upstream;
    private final boolean clientWantsUsage;
    private final boolean responses;
    private String model;
    private long prompt;
    private long completion;
    private boolean ended;
    private boolean unrecorded;
    private int sequence;

    MeteredStream(MeteredCall metering, MeteredCall.Meter meter, TokenBudget.Reservation reservation, OpenAiStream upstream,
                  boolean clientWantsUsage) {
        this.metering = metering;
        this.meter = meter;
        this.reservation = reservation;
        this.upstream = upstream;
        this.clientWantsUsage = clientWantsUsage;
        this.responses = meter.endpoint() == Endpoint.RESPONSES;
        this.model = meter.model();
    }

    public String openaiRequestId() {
        return upstream.openaiRequestId();
    }

    public OpenAiHeaders headers() {
        return upstream.headers();
    }

    /**
     * Passes the events on line by line, flushing at each event's end. {@code responseCreated}
     * hears of a Responses API response's id before the event naming it is passed on. Returns on
     * a complete stream; throws {@link Interrupted} after the error event of a broken one, or the
     * write's {@link IOException} when the caller went away.
     */
    public void relay(OutputStream out, Consumer<String> responseCreated) throws IOException {
        String failed = null;
        boolean reported = false;
        try (upstream; BufferedReader lines = new BufferedReader(new InputStreamReader(upstream.events(), StandardCharsets.UTF_8))) {
            String event = null;
            boolean dropBlank = false;
            boolean complete = false;
            while (true) {
                String line;
                try {
                    line = lines.readLine();
                } catch (IOException broken) {
                    if (complete) {
                        break;
                    }
                    failed = timedOut(broken) ? ErrorCode.OPENAI_TIMEOUT.code() : ErrorCode.STREAM_INTERRUPTED.code();
                    break;
                }
                if (line == null) {
                    break;
                }
                if (line.isEmpty()) {
                    event = null;
                    if (dropBlank) {
                        dropBlank = false;
                    } else {
                        out.write('\n');
                        out.flush();
                    }
                    continue;
                }
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String data = line.substring(5).trim();
                    if (responses) {
                        String type = OpenAiEvents.responseEventType(event, data);
                        if ("response.created".equals(type) && responseCreated != null) {
                            responseCreated.accept(OpenAiEvents.responseId(data));
                        } else if ("response.completed".equals(type) || "response.incomplete".equals(type)
                                || "response.failed".equals(type)) {
                            count(OpenAiEvents.responseUsage(data));
                            complete = true;
                            // the caller learns the stream is complete only once it is recorded
                            finish("response.failed".equals(type) ? ErrorCode.UPSTREAM_ERROR.code() : "ok");
                            if (unrecorded) {
                                failed = ErrorCode.DATABASE_UNAVAILABLE.code();
                                break;
                            }
                        } else if ("error".equals(type)) {
                            failed = ErrorCode.STREAM_INTERRUPTED.code();
                            reported = true;
                        }
                        sequence++;
                    } else if (OpenAiEvents.isDone(data)) {
                        complete = true;
                        finish("ok");
                        if (unrecorded) {
                            // not recorded: the caller must not take the answer as complete
                            failed = ErrorCode.DATABASE_UNAVAILABLE.code();
                            break;
                        }
                    } else if (OpenAiEvents.isError(data)) {
                        // passed on as OpenAI sent it: the SDKs raise on it
                        failed = ErrorCode.STREAM_INTERRUPTED.code();
                        reported = true;
                    } else {
                        OpenAiEvents.Usage usage = OpenAiEvents.chatUsage(data);
                        if (usage != null) {
                            count(usage);
                            if (!clientWantsUsage) {
                                dropBlank = true;
                                continue;
                            }
                        } else if (!clientWantsUsage) {
                            String stripped = OpenAiEvents.withoutNullUsage(data);
                            if (stripped != data) {
                                line = "data: " + stripped;
                            }
                        }
                    }
                }
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
            if (failed == null && !complete) {
                // OpenAI ended the body without its last event: cut off
                failed = ErrorCode.STREAM_INTERRUPTED.code();
            }
            if (failed == null) {
                out.flush();
                return;
            }
            finish(failed);
            if (!reported) {
                writeError(out, failed);
            }
            throw new Interrupted(failed);
        } catch (Interrupted e) {
            throw e;
        } catch (IOException clientGone) {
            finish(ErrorCode.CLIENT_CLOSED.code());
            throw clientGone;
        } catch (RuntimeException e) {
            finish(ErrorCode.INTERNAL_ERROR.code());
            throw e;
        } finally {
            // whatever else happened (an Error, a caller that never relayed), the call is recorded once
            finish(failed == null ? ErrorCode.CLIENT_CLOSED.code() : failed);
        }
    }

    /** A caller that gives up before relaying: the exchange is abandoned and the call recorded. */
    @Override
    public void close() {
        upstream.close();
        finish(ErrorCode.CLIENT_CLOSED.code());
    }

    private void count(OpenAiEvents.Usage usage) {
        if (usage != null) {
            prompt = usage.inputTokens();
            completion = usage.outputTokens();
            if (usage.model() != null) {
                model = usage.model();
            }
        }
    }

    private void finish(String outcome) {
        if (!ended) {
            ended = true;
            try {
                metering.end(meter, reservation, model, prompt, completion, outcome, upstream.startedNanos(), upstream.openaiRequestId())
                        .toCompletableFuture().join();
            } catch (java.util.concurrent.CompletionException notWritten) {
                // the record stays queued for the writer's next attempt; the caller hears of it
                unrecorded = true;
            }
        }
    }

    /** OpenAI's error shape: {@code data: {"error": {...}}} for chat, an {@code error} event for the Responses API. */
    private void writeError(OutputStream out, String outcome) throws IOException {
        String message = Messages.text(Locale.ENGLISH, outcome + ".detail");
        var error = JSON.createObjectBuilder().add("message", message).add("type", "server_error").addNull("param").add("code", outcome);
        String event;
        if (responses) {
            // the Responses API's error event, with the envelope too: Python's SDK raises on "error" in it
            event = "event: error\ndata: " + JSON.createObjectBuilder().add("type", "error").add("code", outcome)
                    .add("message", message).addNull("param").add("sequence_number", sequence).add("error", error).build() + "\n\n";
        } else {
            event = "data: " + JSON.createObjectBuilder().add("error", error).build() + "\n\n";
        }
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static boolean timedOut(IOException broken) {
        for (Throwable t = broken; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
