package com.chatgptconnector.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.openai.OpenAiHeaders;
import com.chatgptconnector.openai.OpenAiStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** How a stream is relayed and metered: what the caller sees, and the one usage record it leaves. */
class MeteredStreamTest {

    record Ended(String model, long prompt, long completion, String outcome) {
    }

    final List<Ended> ended = new ArrayList<>();
    /** What the usage writer answers: written, or not (the database is away). */
    CompletableFuture<Void> recorded = CompletableFuture.completedFuture(null);
    final MeteredCall metering = new MeteredCall() {
        @Override
        CompletionStage<Void> end(Meter meter, TokenBudget.Reservation reservation, String model, long prompt, long completion,
                                  String outcome, long startedNanos, String openaiRequestId) {
            ended.add(new Ended(model, prompt, completion, outcome));
            return recorded;
        }
    };

    @Test
    void aStreamWhoseRecordCannotBeWrittenDoesNotEndAsCompleteButWithTheDatabaseError() {
        recorded = CompletableFuture.failedFuture(new IllegalStateException("database away"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MeteredStream.Interrupted broken = assertThrows(MeteredStream.Interrupted.class,
                () -> stream(Endpoint.CHAT_COMPLETIONS, sample("chat-completion-stream.txt"), true).relay(out, null));
        String relayed = out.toString(StandardCharsets.UTF_8);
        assertFalse(relayed.contains("[DONE]"), relayed);
        assertTrue(relayed.contains("\"code\":\"database_unavailable\""), relayed);
        assertTrue(broken.getMessage().contains("database_unavailable"));
        assertEquals(List.of(new Ended("gpt-4o-mini-2024-07-18", 12, 9, "ok")).size(), ended.size(), "recorded once, as ok");
    }

    MeteredStream stream(Endpoint endpoint, InputStream events, boolean clientWantsUsage) {
        return new MeteredStream(metering, new MeteredCall.Meter("ws", null, "ada", endpoint, "gpt-4o-mini", "req_own"),
                TokenBudget.Reservation.none("ws"), new OpenAiStream(events, "req_1", System.nanoTime(), OpenAiHeaders.NONE),
                clientWantsUsage);
    }

    static InputStream sample(String name) {
        return MeteredStreamTest.class.getResourceAsStream("/openai/" + name);
    }

    static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aClientThatDidNotAskNeverSeesTheUsageChunkButItIsCounted() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stream(Endpoint.CHAT_COMPLETIONS, sample("chat-completion-stream.txt"), false).relay(out, null);
        String relayed = out.toString(StandardCharsets.UTF_8);
        assertFalse(relayed.contains("\"usage\""), relayed);
        assertFalse(relayed.contains("\"choices\":[]"), relayed);
        assertTrue(relayed.endsWith("data: [DONE]\n\n"), relayed);
        assertEquals(List.of(new Ended("gpt-4o-mini-2024-07-18", 19, 4, "ok")), ended);
    }

    @Test
    void aClientThatAskedGetsTheStreamAsOpenAiSentIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stream(Endpoint.CHAT_COMPLETIONS, sample("chat-completion-stream.txt"), true).relay(out, null);
        assertEquals(new String(sample("chat-completion-stream.txt").readAllBytes(), StandardCharsets.UTF_8).strip(),
                out.toString(StandardCharsets.UTF_8).strip());
        assertEquals("ok", ended.get(0).outcome());
    }

    @Test
    void anErrorOpenAiReportsPartWayIsPassedOnAndTheBodyAborted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(MeteredStream.Interrupted.class,
                () -> stream(Endpoint.CHAT_COMPLETIONS, sample("chat-completion-stream-error.txt"), false).relay(out, null));
        String relayed = out.toString(StandardCharsets.UTF_8);
        assertTrue(relayed.contains("data: {\"error\":{\"message\":\"The server had an error"), relayed);
        assertEquals(1, relayed.split("\"error\"", -1).length - 1, "OpenAI's error event, not a second one of ours");
        assertEquals(List.of(new Ended("gpt-4o-mini", 0, 0, "stream_interrupted")), ended);
    }

    @Test
    void aStreamThatEndsWithoutItsLastEventEndsWithAnErrorEvent() {
        String cut = new String(readAll(sample("chat-completion-stream.txt")), StandardCharsets.UTF_8).split("\n\n")[1] + "\n\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(MeteredStream.Interrupted.class, () -> stream(Endpoint.CHAT_COMPLETIONS, text(cut), false).relay(out, null));
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith(
                "data: {\"error\":{\"message\":\"The answer broke off before it was complete.\",\"type\":\"server_error\","
                        + "\"param\":null,\"code\":\"stream_interrupted\"}}\n\n"), out::toString);
        assertEquals("stream_interrupted", ended.get(0).outcome());
    }

    @Test
    void aReadTimeoutIsRecordedAsATimeout() {
        InputStream stalls = new SequenceInputStream(text("data: {\"choices\":[{\"delta\":{\"content\":\"Gu\"}}]}\n\n"), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new SocketTimeoutException("Read timed out");
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(MeteredStream.Interrupted.class, () -> stream(Endpoint.CHAT_COMPLETIONS, stalls, false).relay(out, null));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"code\":\"openai_timeout\""), out::toString);
        assertEquals("openai_timeout", ended.get(0).outcome());
    }

    @Test
    void aClientThatGoesAwayIsRecordedOnce() {
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        MeteredStream stream = stream(Endpoint.CHAT_COMPLETIONS, sample("chat-completion-stream.txt"), false);
        assertThrows(IOException.class, () -> stream.relay(gone, null));
        stream.close();
        assertEquals(List.of(new Ended("gpt-4o-mini", 0, 0, "client_closed")), ended);
    }

    @Test
    void aResponsesStreamIsCountedFromResponseCompletedAndItsIdIsHeardFirst() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> ids = new ArrayList<>();
        stream(Endpoint.RESPONSES, sample("responses-stream.txt"), true).relay(out, id -> {
            ids.add(id);
            assertFalse(out.toString(StandardCharsets.UTF_8).contains(id), "the id is kept before the caller sees it");
        });
        assertEquals(List.of("resp_fakee86fc654f5de"), ids);
        assertEquals(List.of(new Ended("gpt-4o-mini-2024-07-18", 10, 4, "ok")), ended);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("event: response.completed\n"));
    }

    @Test
    void aResponsesStreamCutBeforeCompletionEndsWithTheirErrorEvent() {
        String all = new String(readAll(sample("responses-stream.txt")), StandardCharsets.UTF_8);
        String cut = all.substring(0, all.indexOf("event: response.output_text.done"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(MeteredStream.Interrupted.class, () -> stream(Endpoint.RESPONSES, text(cut), true).relay(out, id -> { }));
        String relayed = out.toString(StandardCharsets.UTF_8);
        assertTrue(relayed.endsWith("\n\n") && relayed.contains("event: error\ndata: {\"type\":\"error\",\"code\":\"stream_interrupted\""),
                relayed);
        assertEquals("stream_interrupted", ended.get(0).outcome());
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
