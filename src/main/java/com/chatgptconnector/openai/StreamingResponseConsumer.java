package com.chatgptconnector.openai;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.support.classic.ContentInputStream;
import org.apache.hc.core5.http.nio.support.classic.SharedInputBuffer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Hands an answer over as soon as its head is in, with the body following as an
 * {@link InputStream}: how a stream of server-sent events is passed on while OpenAI is still
 * writing it. At most {@link #BUFFER} bytes wait unread; beyond that HTTP flow control holds
 * OpenAI back. Closing the stream before its end abandons the exchange and its connection, so a
 * caller who went away does not keep a connection busy until OpenAI has finished.
 */
final class StreamingResponseConsumer implements AsyncResponseConsumer<StreamingResponseConsumer.Streamed> {

    static final int BUFFER = 64 * 1024;

    /** The answer's head and its body, to be read to the end or closed. */
    record Streamed(HttpResponse head, InputStream body) {
    }

    private final FutureCallback<Streamed> atHead;
    private final SharedInputBuffer buffer = new SharedInputBuffer(BUFFER);
    private final AtomicBoolean headSeen = new AtomicBoolean();
    private volatile Future<?> exchange;
    private volatile FutureCallback<Streamed> atEnd;
    private volatile Streamed streamed;
    private volatile Exception broken;

    StreamingResponseConsumer(FutureCallback<Streamed> atHead) {
        this.atHead = atHead;
    }

    /**
     * Sends a request whose answer {@code atHead} hears of at its head; the returned future
     * cancels the exchange. A failure or cancellation the client reports only to the exchange's
     * own callback reaches this consumer too.
     */
    static Future<?> send(CloseableHttpAsyncClient http, AsyncRequestProducer request, FutureCallback<Streamed> atHead) {
        StreamingResponseConsumer consumer = new StreamingResponseConsumer(atHead);
        Future<?> exchange = http.execute(request, consumer, new FutureCallback<>() {
            @Override
            public void completed(Streamed result) {
                // handed over at its head already
            }

            @Override
            public void failed(Exception ex) {
                consumer.failed(ex);
            }

            @Override
            public void cancelled() {
                consumer.failed(new CancellationException("the call to OpenAI was cancelled"));
            }
        });
        consumer.exchange(exchange);
        return exchange;
    }

    /** The exchange this consumer belongs to, cancelled when the body is closed early. */
    void exchange(Future<?> exchange) {
        this.exchange = exchange;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context,
                                FutureCallback<Streamed> resultCallback) {
        streamed = new Streamed(response, new Body());
        atEnd = resultCallback;
        if (headSeen.compareAndSet(false, true)) {
            atHead.completed(streamed);
        }
        if (entity == null) {
            streamEnd(List.of());
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing for us
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        buffer.updateCapacity(capacityChannel);
    }

    @Override
    public void consume(ByteBuffer src) {
        buffer.fill(src);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        buffer.markEndStream();
        FutureCallback<Streamed> callback = atEnd;
        if (callback != null) {
            callback.completed(streamed);
        }
    }

    /** Before the head: the call failed. After it: the body breaks off, and its reader sees an IOException. */
    @Override
    public void failed(Exception cause) {
        if (headSeen.compareAndSet(false, true)) {
            atHead.failed(cause);
        } else if (!buffer.isEndStream()) {
            broken = cause;
            buffer.abort();
        }
    }

    @Override
    public void releaseResources() {
        // the buffer belongs to the reader until it closes the body
    }

    private final class Body extends ContentInputStream {

        Body() {
            super(buffer);
        }

        /** A break after the head reaches the reader with its cause, so a timeout can be told from a reset. */
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw withCause(e);
            }
        }

        @Override
        public int read(byte[] b) throws IOException {
            return read(b, 0, b.length);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw withCause(e);
            }
        }

        private IOException withCause(IOException e) {
            Exception cause = broken;
            if (cause instanceof IOException io) {
                return io;
            }
            if (cause != null && e.getCause() == null) {
                e.initCause(cause);
            }
            return e;
        }

        @Override
        public void close() {
            // ContentInputStream would read to the end; a reader that stops early wants out now
            if (!buffer.isEndStream() || buffer.hasData()) {
                Future<?> call = exchange;
                if (call != null) {
                    call.cancel(true);
                }
                buffer.abort();
            }
        }
    }
}
