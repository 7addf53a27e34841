package com.chatgptconnector.openai;

import java.io.InputStream;

/** An open stream of server-sent events from OpenAI, with the headers a client may see; the reader must close it. */
public record OpenAiStream(InputStream events, String openaiRequestId, long startedNanos, OpenAiHeaders headers)
        implements AutoCloseable {

    @Override
    public void close() {
        try {
            events.close();
        } catch (java.io.IOException ignored) {
            // the connection is going away either way
        }
    }
}
