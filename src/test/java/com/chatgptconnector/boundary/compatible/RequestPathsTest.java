package com.chatgptconnector.boundary.compatible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.problem.ErrorCode;
import org.junit.jupiter.api.Test;

/** Which answers are OpenAI's, and what the service's own request ids and error types look like. */
class RequestPathsTest {

    @Test
    void onlyAWorkspacesOpenAiPathIsAnsweredInOpenAisEnvelope() {
        assertTrue(EnvelopeFilter.underCompatibleEndpoint("workspaces/ws1/openai/v1/chat/completions"));
        assertTrue(EnvelopeFilter.underCompatibleEndpoint("/workspaces/ws1/openai/v1"));
        assertFalse(EnvelopeFilter.underCompatibleEndpoint("workspaces/ws1/openai/v1x/models"));
        assertFalse(EnvelopeFilter.underCompatibleEndpoint("workspaces/ws1/chatgpt/usage"));
        assertFalse(EnvelopeFilter.underCompatibleEndpoint("users"));
    }

    @Test
    void ownRequestIdsLookLikeOpenAisAndDiffer() {
        String id = RequestIds.next();
        assertTrue(id.matches("req_[0-9a-f]{32}"), id);
        assertNotEquals(id, RequestIds.next());
    }

    @Test
    void errorTypesAreTheOnesTheSdksMapToTheirClasses() {
        assertEquals("rate_limit_error", OpenAiEnvelope.typeOf(ErrorCode.TOKEN_LIMIT_REACHED));
        assertEquals("permission_error", OpenAiEnvelope.typeOf(ErrorCode.MODEL_NOT_ALLOWED));
        assertEquals("server_error", OpenAiEnvelope.typeOf(ErrorCode.STREAM_INTERRUPTED));
        assertEquals("invalid_request_error", OpenAiEnvelope.typeOf(ErrorCode.UNSUPPORTED_ENDPOINT));
        assertTrue(CompatibleEndpointResource.PathSegments.plain("ft:gpt-4o-mini:org:custom:abc"));
        assertFalse(CompatibleEndpointResource.PathSegments.plain("../files"));
        assertFalse(CompatibleEndpointResource.PathSegments.plain("gpt-4o?x=1"));
    }
}
