package com.chatgptconnector.boundary.block;

import com.chatgptconnector.boundary.problem.RequestBodies;
import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a block run's body with the JSON-P parser, from text read in one array: JSON-B built a
 * deserialisation context on every run (8.9 KB of a run's allocation). Strings are taken as they
 * are, numbers and booleans as their JSON text; anything but {@code {"variables": {…}}} is a
 * malformed request.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class RunRequestReader implements MessageBodyReader<BlockResource.RunRequest> {

    private final long maxBodyBytes = RequestBodies.configuredMaxBodyBytes();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == BlockResource.RunRequest.class;
    }

    @Override
    public BlockResource.RunRequest readFrom(Class<BlockResource.RunRequest> type, Type genericType, Annotation[] annotations,
                                             MediaType mediaType, MultivaluedMap<String, String> headers, InputStream entity)
            throws IOException {
        return read(entity, contentLength(headers), maxBodyBytes);
    }

    /** A run's body, of the announced length ({@code -1}: unknown); {@code null} for an empty one. */
    public static BlockResource.RunRequest read(InputStream entity, long length, long maxBodyBytes) {
        String body = RequestBodies.text(entity, length, maxBodyBytes);
        if (body.isBlank()) {
            return null;
        }
        JsonValue variables = RequestBodies.jsonObject(body).get("variables");
        BlockResource.RunRequest request = new BlockResource.RunRequest();
        if (variables == null || variables == JsonValue.NULL) {
            return request;
        }
        if (!(variables instanceof JsonObject named)) {
            throw new ProblemException(ErrorCode.MALFORMED_REQUEST);
        }
        request.variables = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> variable : named.entrySet()) {
            JsonValue value = variable.getValue();
            request.variables.put(variable.getKey(), value == JsonValue.NULL ? null
                    : value instanceof JsonString text ? text.getString() : value.toString());
        }
        return request;
    }

    private static long contentLength(MultivaluedMap<String, String> headers) {
        try {
            String length = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
            return length == null ? -1 : Long.parseLong(length);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
