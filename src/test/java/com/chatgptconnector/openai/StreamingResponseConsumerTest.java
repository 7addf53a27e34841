package com.chatgptconnector.openai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.junit.jupiter.api.Test;

/** How a streamed answer reaches the code that relays it: at its head, then byte by byte. */
class StreamingResponseConsumerTest {

    private final CompletableFuture<StreamingResponseConsumer.Streamed> head = new CompletableFuture<>();
    private final StreamingResponseConsumer consumer = new StreamingResponseConsumer(new FutureCallback<>() {
        @Override
        public void completed(StreamingResponseConsumer.Streamed result) {
            head.complete(result);
        }

        @Override
        public void failed(Exception ex) {
            head.completeExceptionally(ex);
        }

        @Override
        public void cancelled() {
            head.cancel(false);
        }
    });
    private final CompletableFuture<Boolean> exchangeCancelled = new CompletableFuture<>();

    StreamingResponseConsumerTest() {
        consumer.exchange(new CompletableFuture<Void>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                exchangeCancelled.complete(true);
                return super.cancel(mayInterruptIfRunning);
            }
        });
    }

    @Test
    void theAnswerIsHandedOverAtItsHeadAndItsEventsFollow() throws Exception {
        BasicHttpResponse response = new BasicHttpResponse(200);
        response.addHeader("x-request-id", "req_1");
        consumer.consumeResponse(response, entity(), null, null);

        StreamingResponseConsumer.Streamed streamed = head.get(1, TimeUnit.SECONDS);
        assertSame(response, streamed.head());

        consumer.consume(bytes("data: {\"a\":1}\n\n"));
        consumer.consume(bytes("data: [DONE]\n\n"));
        consumer.streamEnd(List.of());
        assertArrayEquals("data: {\"a\":1}\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8), streamed.body().readAllBytes());
        streamed.body().close();
        assertNull(exchangeCancelled.getNow(null), "a stream read to its end leaves the exchange alone");
    }

    @Test
    void aFailureBeforeTheHeadFailsTheCall() {
        ConnectException refused = new ConnectException("Connection refused");
        consumer.failed(refused);
        assertTrue(head.isCompletedExceptionally());
        Exception cause = assertThrows(Exception.class, head::join);
        assertSame(refused, cause.getCause());
    }

    @Test
    void aStreamThatBreaksOffIsAnErrorToItsReaderNotAnEnd() throws Exception {
        consumer.consumeResponse(new BasicHttpResponse(200), entity(), null, null);
        StreamingResponseConsumer.Streamed streamed = head.get(1, TimeUnit.SECONDS);
        consumer.consume(bytes("data: {\"a\":1}\n\n"));
        consumer.failed(new IOException("Connection reset"));

        byte[] buffer = new byte[1024];
        assertThrows(IOException.class, () -> {
            while (streamed.body().read(buffer) >= 0) {
                // what arrived before the break may be read; the break itself must not look like an end
            }
        });
    }

    @Test
    void aReadTimeoutReachesTheReaderAsATimeout() throws Exception {
        consumer.consumeResponse(new BasicHttpResponse(200), entity(), null, null);
        StreamingResponseConsumer.Streamed streamed = head.get(1, TimeUnit.SECONDS);
        java.net.SocketTimeoutException stalled = new java.net.SocketTimeoutException("Read timed out");
        consumer.failed(stalled);
        // the relay records a timeout (openai_timeout) apart from a cut (stream_interrupted)
        assertSame(stalled, assertThrows(IOException.class, () -> streamed.body().read(new byte[16])));
    }

    @Test
    void closingTheStreamEarlyAbandonsTheExchange() throws Exception {
        consumer.consumeResponse(new BasicHttpResponse(200), entity(), null, null);
        StreamingResponseConsumer.Streamed streamed = head.get(1, TimeUnit.SECONDS);
        consumer.consume(bytes("data: {\"a\":1}\n\n"));

        streamed.body().close();
        assertEquals(Boolean.TRUE, exchangeCancelled.getNow(null));
    }

    @Test
    void anAnswerWithoutBodyEndsAtOnce() throws Exception {
        consumer.consumeResponse(new BasicHttpResponse(204), null, null, null);
        assertEquals(-1, head.get(1, TimeUnit.SECONDS).body().read());
    }

    private static BasicAsyncEntityProducer entity() {
        return new BasicAsyncEntityProducer("", ContentType.create("text/event-stream"));
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
