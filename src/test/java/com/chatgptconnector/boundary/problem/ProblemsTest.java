package com.chatgptconnector.boundary.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.problem.ErrorCode;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    /** A write race found at commit has no version number to show; its text must still render. */
    @Test
    void aConcurrentWriteRendersWithoutAVersionNumber() {
        assertEquals("Someone else changed the same settings at the same moment. Nothing was saved.",
                Problems.detail(ErrorCode.VERSION_CONFLICT, Locale.ENGLISH, Map.of("reason", "concurrent_write")));
        assertTrue(Problems.detail(ErrorCode.VERSION_CONFLICT, Locale.GERMAN, Map.of("reason", "concurrent_write")).contains("nichts gespeichert"));
        assertEquals("The settings were changed in the meantime (current version: 1234). Nothing was saved.",
                Problems.detail(ErrorCode.VERSION_CONFLICT, Locale.ENGLISH, Map.of(), 1234L));
    }
}
