package com.chatgptconnector.usage;

/**
 * How many tokens a call may use at most, to reserve before it starts: the request's characters
 * over four (a safe upper bound for the prompt in the tokenizers OpenAI uses for Latin text)
 * plus the output tokens the call allows. The real usage replaces it when the call is settled.
 */
public final class TokenEstimate {

    private TokenEstimate() {
    }

    public static long of(String requestBody, long maxOutputTokens) {
        return (requestBody.length() + 3) / 4 + maxOutputTokens;
    }
}
