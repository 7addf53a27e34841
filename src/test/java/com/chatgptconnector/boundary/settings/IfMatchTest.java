package com.chatgptconnector.boundary.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.chatgptconnector.problem.ErrorCode;
import com.chatgptconnector.problem.ProblemException;
import com.chatgptconnector.problem.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    /** Browsers echo the ETag as sent, proxies may weaken it, scripts send the JSON version bare. */
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "\"3\"      | 3",
            "W/\"3\"    | 3",
            "3          | 3",
            "' \"12\" ' | 12",
            "\"0\"      | 0",
            "\"9007199254740993\" | 9007199254740993"})
    void readsTheVersion(String header, long version) {
        assertEquals(version, IfMatch.parse(header, true));
        assertEquals(version, IfMatch.parse(header, false));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t"})
    void aMissingHeaderIsRefusedWhereAVersionIsRequired(String header) {
        ProblemException e = assertThrows(ProblemException.class, () -> IfMatch.parse(header, true));
        assertEquals(ErrorCode.PRECONDITION_REQUIRED, e.code());
        assertEquals(428, e.code().status());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aMissingHeaderMeansNoCheckWhereOptional(String header) {
        assertNull(IfMatch.parse(header, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "abc", "\"\"", "W/", "\"3", "3.0", "\"3\", \"4\""})
    void somethingElseIsAFieldErrorNotAServerError(String header) {
        for (boolean required : new boolean[] {true, false}) {
            ValidationException e = assertThrows(ValidationException.class, () -> IfMatch.parse(header, required));
            assertEquals(List.of("If-Match:if_match"), e.violations().stream().map(v -> v.field() + ":" + v.code()).toList());
        }
    }

    @Test
    void theEtagIsTheVersionInQuotesSoItRoundTrips() {
        assertEquals("\"7\"", IfMatch.etag(7));
        assertEquals(7L, IfMatch.parse(IfMatch.etag(7), true));
    }
}
