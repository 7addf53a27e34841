package com.chatgptconnector.boundary.compatible;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The service's own {@code x-request-id}, for answers OpenAI had no part in (a refusal, an open
 * circuit): {@code req_} and 32 hex digits, like OpenAI's, so support tools and the SDKs' {@code
 * request_id} treat both alike. Not a secret, hence no SecureRandom on the hot path.
 */
public final class RequestIds {

    public static final String HEADER = "x-request-id";

    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[36];
        id[0] = 'r';
        id[1] = 'e';
        id[2] = 'q';
        id[3] = '_';
        hex(random.nextLong(), id, 4);
        hex(random.nextLong(), id, 20);
        return new String(id);
    }

    private static void hex(long value, char[] into, int at) {
        for (int i = 15; i >= 0; i--) {
            into[at + i] = Character.forDigit((int) (value & 0xF), 16);
            value >>>= 4;
        }
    }
}
