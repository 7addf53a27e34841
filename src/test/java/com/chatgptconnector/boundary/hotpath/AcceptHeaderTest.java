package com.chatgptconnector.boundary.hotpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code Accept} headers clients send, read as RFC 9110 reads them, with the JAX-RS runtime's
 * own media-type parser (Jersey's here, as on Payara). What the hot path does not serve, Jersey
 * answers, so every doubt must come out as "not plainly acceptable".
 */
class AcceptHeaderTest {

    private static boolean json(String header) {
        return HotPathFilter.acceptsJson(header);
    }

    private static boolean jsonOrEvents(String header) {
        return HotPathFilter.acceptsJsonOrEvents(header);
    }

    @Test
    void whatTheSdksSendIsServed() {
        assertTrue(json(null));
        assertTrue(json(""));
        assertTrue(json("application/json"), "openai-java, the Python and Node SDKs");
        assertTrue(json("application/json, text/plain, */*"), "axios");
        assertTrue(json("*/*"), "curl");
        assertTrue(json("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), "a browser");
        assertTrue(jsonOrEvents("text/event-stream"), "LangChain4j's streams");
        assertFalse(json("text/event-stream"), "a block run answers JSON only");
    }

    @Test
    void aZeroQualityRefusesWhatItNames() {
        assertFalse(json("application/json;q=0"));
        assertFalse(json("application/json; q=0.0"));
        assertFalse(json("application/json;q=0.000, text/html"));
        assertFalse(json("application/json;Q=0, */*"), "the most specific range decides, whatever the wildcard says");
        assertFalse(json("*/*;q=0"));
        assertFalse(json("application/*;q=0, */*"));
        assertTrue(json("text/html;q=0, application/json"), "a zero for another type does not touch JSON (was left to Jersey)");
        assertTrue(json("*/*;q=0, application/json;q=0.001"));
        assertTrue(json("application/*;q=0.5"));
        assertTrue(json("application/json;q=0.5, */*;q=0"));
        assertFalse(jsonOrEvents("application/json;q=0, text/event-stream;q=0, */*"));
        assertTrue(jsonOrEvents("application/json;q=0, text/event-stream"));
        assertTrue(jsonOrEvents("text/*"));
        assertFalse(jsonOrEvents("text/*;q=0, application/json;q=0"));
    }

    @Test
    void wildcardsCoverWhatTheyName() {
        assertTrue(json("application/*"));
        assertFalse(json("text/*"));
        assertFalse(json("application/xml"));
        assertFalse(json("application/json-patch+json"), "a type is matched whole, not by a substring");
        assertFalse(json("text/html; note=\"application/json\""), "nor by a parameter's value");
        assertFalse(json("x-application/json"));
    }

    @Test
    void parametersDoNotHideTheType() {
        assertTrue(json("application/json; charset=utf-8"));
        assertTrue(json("APPLICATION/JSON;CHARSET=UTF-8;q=1"));
        assertTrue(json("application/json;q=1.000;ext=1"), "accept-extensions after q");
        assertTrue(json("text/plain; x=\"a,b\", application/json"), "a comma inside a quoted value");
        assertTrue(json("application/json,,"), "empty list elements are allowed");
        assertTrue(jsonOrEvents(" text/event-stream ;charset=utf-8"));
    }

    @Test
    void aHeaderThatDoesNotParseIsLeftToJersey() {
        assertFalse(json("application/json;q=2"));
        assertFalse(json("application/json;q=1.5"));
        assertFalse(json("application/json;q=abc"));
        assertFalse(json("application/json;q=0.1234"));
        assertFalse(json("application/json;q="));
        assertFalse(json("*/json"));
        assertFalse(json("application/json, text/plain; x=\"unterminated"));
        assertFalse(json("application/json, /"));
        assertFalse(json("application/json, @@@"));
        assertNull(AcceptHeader.parse("application/json;q=-1"));
    }

    @Test
    void qvaluesAreReadInThousandths() {
        assertEquals(1000, AcceptHeader.quality(null));
        assertEquals(1000, AcceptHeader.quality("1"));
        assertEquals(1000, AcceptHeader.quality("1.000"));
        assertEquals(0, AcceptHeader.quality("0"));
        assertEquals(0, AcceptHeader.quality("0."));
        assertEquals(0, AcceptHeader.quality("0.0"));
        assertEquals(500, AcceptHeader.quality("0.5"));
        assertEquals(1, AcceptHeader.quality("0.001"));
        assertEquals(-1, AcceptHeader.quality("1.001"));
        assertEquals(-1, AcceptHeader.quality(".5"));
        assertEquals(-1, AcceptHeader.quality("0,5"));
    }

    @Test
    void elementsAreSplitOutsideQuotes() {
        assertEquals(List.of("a/b; x=\"1,2\"", "c/d"), AcceptHeader.elements("a/b; x=\"1,2\" , c/d"));
        assertEquals(List.of("a/b; x=\"q\\\",\"", "c/d"), AcceptHeader.elements("a/b; x=\"q\\\",\",c/d"));
        assertThrows(IllegalArgumentException.class, () -> AcceptHeader.elements("a/b; x=\"1,2"));
    }

    @Test
    void theRuntimesParserIsTheOneUsed() {
        // MediaType.valueOf goes through RuntimeDelegate: Jersey's here and on Payara, RESTEasy's on WildFly
        assertEquals("org.glassfish.jersey.internal.RuntimeDelegateImpl", jakarta.ws.rs.ext.RuntimeDelegate.getInstance().getClass().getName());
        assertTrue(AcceptHeader.parse("application/json").accepts(MediaType.APPLICATION_JSON_TYPE));
    }

    @Test
    void aRememberedHeaderGivesTheSameVerdictAsAFreshParse() {
        for (String header : List.of("application/json;q=0, */*", "application/json", "*/json", "text/event-stream")) {
            for (int i = 0; i < 2; i++) {
                AcceptHeader fresh = AcceptHeader.parse(header);
                AcceptHeader remembered = AcceptHeader.of(header);
                assertEquals(fresh == null, remembered == null, header);
                if (fresh != null) {
                    assertEquals(fresh.accepts(MediaType.APPLICATION_JSON_TYPE), remembered.accepts(MediaType.APPLICATION_JSON_TYPE), header);
                }
            }
        }
    }
}
