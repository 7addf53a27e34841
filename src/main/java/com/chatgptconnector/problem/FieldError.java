package com.chatgptconnector.problem;

/**
 * One rejected input field: {@code field} as the client sent it, a stable {@code code} and a
 * message in the caller's language. The rejected value itself is never echoed (it may be a key).
 */
public record FieldError(String field, String code, String message) {
}
