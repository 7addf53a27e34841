package com.chatgptconnector.boundary.hotpath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What the filter takes on itself and what it leaves to Jersey. Its answers are covered by the
 * integration tests, which call both endpoints through it.
 */
class HotPathFilterTest {

    @Test
    void aPlainPathIsSplitIntoItsSegmentsAfterTheContextPath() {
        assertArrayEquals(new String[]{"api", "workspaces", "w1", "openai", "v1", "chat", "completions"},
                HotPathFilter.segments("/api/workspaces/w1/openai/v1/chat/completions", ""));
        assertArrayEquals(new String[]{"api", "workspaces", "w1", "chatgpt", "blocks", "b1", "runs"},
                HotPathFilter.segments("/connector/api/workspaces/w1/chatgpt/blocks/b1/runs", "/connector"));
    }

    /** Jersey decodes escapes and drops matrix parameters; such a path must not be matched by hand. */
    @Test
    void aPathThatJerseyWouldDecodeOrNormaliseIsLeftToJersey() {
        assertNull(HotPathFilter.segments("/api/workspaces/w%31/openai/v1/chat/completions", ""));
        assertNull(HotPathFilter.segments("/api/workspaces/w1;x=1/openai/v1/chat/completions", ""));
        assertNull(HotPathFilter.segments("/api/workspaces/w1/openai/v1/chat/completions/", ""));
        assertNull(HotPathFilter.segments("/api/workspaces//openai/v1/chat/completions", ""));
    }

    @Test
    void onlyAJsonBodyIsTakenOn() {
        assertTrue(HotPathFilter.json("application/json"));
        assertTrue(HotPathFilter.json("Application/JSON; charset=UTF-8"));
        assertFalse(HotPathFilter.json(null));
        assertFalse(HotPathFilter.json("text/plain"));
        assertFalse(HotPathFilter.json("application/json-patch+json"));
    }

    @Test
    void anAcceptThatJerseyMightRefuseIsLeftToJersey() {
        assertTrue(HotPathFilter.acceptsJson(null));
        assertTrue(HotPathFilter.acceptsJson("application/json"));
        assertTrue(HotPathFilter.acceptsJson("text/event-stream, application/json"));
        assertTrue(HotPathFilter.acceptsJson("*/*"));
        assertFalse(HotPathFilter.acceptsJson("text/html"));
        assertFalse(HotPathFilter.acceptsJson("application/json;q=0, text/html"));
        assertFalse(HotPathFilter.acceptsJson("application/json;q=nonsense"), "a header Jersey may refuse (AcceptHeaderTest)");
        assertTrue(HotPathFilter.acceptsJsonOrEvents("text/event-stream"), "as LangChain4j asks for a stream");
        assertTrue(HotPathFilter.acceptsJsonOrEvents(null));
        assertFalse(HotPathFilter.acceptsJsonOrEvents("text/html"));
    }
}
