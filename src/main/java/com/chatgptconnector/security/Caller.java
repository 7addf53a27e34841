package com.chatgptconnector.security;

/** Who is calling: the username and whether they are an operator. */
public record Caller(String username, boolean operator) {
}
