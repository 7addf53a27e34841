package com.chatgptconnector.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {

    static Properties bundle(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(MessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void everyCodeHasATitleAndDetailInBothLanguages() {
        for (ErrorCode code : ErrorCode.values()) {
            for (String part : List.of(".title", ".detail")) {
                String en = Messages.text(Locale.ENGLISH, code.code() + part, 1, 2);
                String de = Messages.text(Locale.GERMAN, code.code() + part, 1, 2);
                assertNotEquals(code.code() + part, en, "English text missing: " + code.code() + part);
                assertNotEquals(en, de, "German text missing or untranslated: " + code.code() + part);
            }
        }
    }

    @Test
    void bothBundlesHaveTheSameKeysAndValidPatterns() throws Exception {
        Properties en = bundle("messages.properties");
        Properties de = bundle("messages_de.properties");
        assertEquals(en.stringPropertyNames(), de.stringPropertyNames());
        for (Properties p : List.of(en, de)) {
            p.stringPropertyNames().forEach(key -> assertNotNull(new MessageFormat(p.getProperty(key))));
        }
        assertEquals("Ungültige Eingabe", de.getProperty("validation_failed.title"), "read as UTF-8");
    }

    @Test
    void theCatalogueHasItsStatusesAndAdvice() {
        List<ErrorCode> catalogue = List.of(ErrorCode.CHATGPT_NOT_ACTIVATED, ErrorCode.API_KEY_MISSING, ErrorCode.API_KEY_INVALID,
                ErrorCode.INSUFFICIENT_QUOTA, ErrorCode.RATE_LIMITED, ErrorCode.TOKEN_LIMIT_REACHED, ErrorCode.OPENAI_UNAVAILABLE,
                ErrorCode.OPENAI_TIMEOUT, ErrorCode.INVALID_REQUEST, ErrorCode.UPSTREAM_ERROR);
        assertEquals(List.of(403, 409, 424, 402, 429, 429, 503, 504, 422, 502), catalogue.stream().map(ErrorCode::status).toList());
        for (ErrorCode code : catalogue) {
            assertNotNull(Messages.optionalText(Locale.ENGLISH, code.code() + ".advice"), code.code());
            assertNotNull(Messages.optionalText(Locale.GERMAN, code.code() + ".advice"), code.code());
        }
        assertTrue(Messages.text(Locale.GERMAN, "version_conflict.detail", 5).contains("5"));
    }

    @Test
    void picksTheFirstSupportedLanguage() {
        assertEquals(Locale.GERMAN, Messages.pick(List.of(Locale.forLanguageTag("de-DE"))));
        assertEquals(Locale.ENGLISH, Messages.pick(List.of(Locale.forLanguageTag("en-US"))));
        assertEquals(Locale.ENGLISH, Messages.pick(List.of(Locale.FRENCH)));
        assertEquals(Locale.GERMAN, Messages.pick(List.of(Locale.FRENCH, Locale.GERMAN)));
        assertEquals(Locale.ENGLISH, Messages.pick(List.of()));
    }
}
