package com.chatgptconnector.boundary.compatible;

import static com.chatgptconnector.json.JsonFactory.JSON;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Errors of the OpenAI-compatible endpoint in OpenAI's own shape,
 * {@code {"error":{"message","type","param","code"}}}, so the official SDKs raise the same
 * exception classes as against OpenAI.
 */
public final class OpenAiEnvelope {

    private OpenAiEnvelope() {
    }

    public static Response response(int status, String message, String type, String code) {
        JsonObjectBuilder error = JSON.createObjectBuilder().add("message", message).add("type", type).addNull("param");
        if (code == null) {
            error.addNull("code");
        } else {
            error.add("code", code);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JSON.createObjectBuilder().add("error", error).build().toString()).build();
    }
}
