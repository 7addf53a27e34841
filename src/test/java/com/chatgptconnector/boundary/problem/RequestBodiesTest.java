package com.chatgptconnector.boundary.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts what is read, so a test can tell that an announced oversized body was never read. */
    static final class CountingStream extends ByteArrayInputStream {
        int read;

        CountingStream(int size) {
            super(new byte[size]);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }

    @Test
    void aBodyUpToTheLimitIsReadWholeWithOrWithoutAnAnnouncedLength() {
        assertEquals("{\"a\":\"Köln\"}", RequestBodies.text(body("{\"a\":\"Köln\"}"), 13, 13));
        assertEquals("{\"a\":\"Köln\"}", RequestBodies.text(body("{\"a\":\"Köln\"}"), -1, 13));
        assertEquals("", RequestBodies.text(body(""), -1, 13));
    }

    @Test
    void anOversizedBodyIsRefusedAndReadToItsEndSoTheClientGetsTheAnswer() {
        CountingStream announced = new CountingStream(2048);
        ProblemException e = assertThrows(ProblemException.class, () -> RequestBodies.text(announced, 2048, 1024));
        assertEquals(ErrorCode.REQUEST_TOO_LARGE, e.code());
        assertEquals(413, e.code().status());
        assertEquals(2048, announced.read, "dropped, not held: a client still sending would see a broken connection");

        CountingStream chunked = new CountingStream(2048);
        assertEquals(ErrorCode.REQUEST_TOO_LARGE,
                assertThrows(ProblemException.class, () -> RequestBodies.text(chunked, -1, 1024)).code());
        assertEquals(2048, chunked.read);
    }

    @Test
    void aHugeBodyIsDroppedOnlyUpToThreeTimesTheLimit() {
        CountingStream announced = new CountingStream(10 * 1024 * 1024);
        assertThrows(ProblemException.class, () -> RequestBodies.text(announced, 10 * 1024 * 1024, 1024));
        assertEquals(3 * 1024, announced.read, "the container closes the connection on the rest");

        CountingStream chunked = new CountingStream(10 * 1024 * 1024);
        assertThrows(ProblemException.class, () -> RequestBodies.text(chunked, -1, 1024));
        assertEquals(1025 + 3 * 1024, chunked.read, "no more than one byte past the limit is ever held");
    }

    @Test
    void theRefusalNamesTheLimitInBothLanguages() {
        ProblemException e = assertThrows(ProblemException.class, () -> RequestBodies.text(body("x".repeat(5000)), -1, 4096));
        assertEquals("The request body is larger than this service accepts (4 KiB).",
                Problems.detail(e.code(), Locale.ENGLISH, Map.of(), e.detailArgs()));
        assertEquals("Der Inhalt der Anfrage ist größer, als dieser Dienst annimmt (4 KiB).",
                Problems.detail(e.code(), Locale.GERMAN, Map.of(), e.detailArgs()));
    }
}
