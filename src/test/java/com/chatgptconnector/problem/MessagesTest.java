package com.chatgptconnector.problem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessagesTest {

    static final List<ErrorCode> CATALOGUE = List.of(ErrorCode.CHATGPT_NOT_ACTIVATED, ErrorCode.API_KEY_MISSING,
            ErrorCode.API_KEY_INVALID, ErrorCode.INSUFFICIENT_QUOTA, ErrorCode.RATE_LIMITED, ErrorCode.TOKEN_LIMIT_REACHED,
            ErrorCode.OPENAI_UNAVAILABLE, ErrorCode.OPENAI_TIMEOUT, ErrorCode.INVALID_REQUEST, ErrorCode.UPSTREAM_ERROR);

    /** Read as UTF-8 on purpose: that is how ResourceBundle reads them, and what the umlaut check relies on. */
    static Properties bundle(String name) throws IOException {
        InputStream in = MessagesTest.class.getResourceAsStream("/" + name);
        assertNotNull(in, name + " is not on the class path");
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        assertFalse(properties.isEmpty(), name);
        return properties;
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeHasATitleAndADetailInBothLanguages(ErrorCode code) {
        for (String part : List.of(".title", ".detail")) {
            String key = code.code() + part;
            String en = Messages.text(Locale.ENGLISH, key, 1, 2);
            String de = Messages.text(Locale.GERMAN, key, 1, 2);
            // text() answers with the key itself when there is none: that is what a client would see
            assertNotEquals(key, en, "no English " + key);
            assertNotEquals(key, de, "no German " + key);
            assertNotEquals(en, de, "German " + key + " is the English text");
        }
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Set<String> en = bundle("messages.properties").stringPropertyNames();
        Set<String> de = bundle("messages_de.properties").stringPropertyNames();
        Set<String> onlyEnglish = new TreeSet<>(en);
        onlyEnglish.removeAll(de);
        Set<String> onlyGerman = new TreeSet<>(de);
        onlyGerman.removeAll(en);
        assertEquals(Set.of(), onlyEnglish, "missing in messages_de.properties");
        assertEquals(Set.of(), onlyGerman, "missing in messages.properties");
    }

    @Test
    void everyPatternIsAValidMessageFormat() throws IOException {
        for (String file : List.of("messages.properties", "messages_de.properties")) {
            Properties bundle = bundle(file);
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                assertDoesNotThrow(() -> new MessageFormat(pattern, Locale.ROOT), file + ": " + key);
                // a single apostrophe starts a quote and silently swallows text and placeholders after it
                assertFalse(pattern.replace("''", "").contains("'"), file + ": " + key + " has a lone apostrophe; write ''");
            }
        }
    }

    /** A German user must see the same facts (status, version, id) as an English one. */
    @Test
    void bothLanguagesUseTheSamePlaceholders() throws IOException {
        Properties en = bundle("messages.properties");
        Properties de = bundle("messages_de.properties");
        for (String key : en.stringPropertyNames()) {
            if (de.containsKey(key)) {
                assertEquals(placeholders(en.getProperty(key)), placeholders(de.getProperty(key)), key);
            }
        }
    }

    static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void picksTheFirstLanguageTheServiceSpeaks() {
        assertEquals(Locale.GERMAN, Messages.pick(List.of(Locale.forLanguageTag("de-DE"))));
        assertEquals(Locale.ENGLISH, Messages.pick(List.of(Locale.forLanguageTag("en-US"))));
        assertEquals(Locale.ENGLISH, Messages.pick(List.of(Locale.forLanguageTag("fr"))));
        assertEquals(Locale.GERMAN, Messages.pick(List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("de"))));
        assertEquals(Locale.ENGLISH, Messages.pick(List.of(Locale.forLanguageTag("en"), Locale.forLanguageTag("de"))));
        assertEquals(Locale.ENGLISH, Messages.pick(List.of()));
    }

    @Test
    void theCatalogueHasItsStatuses() {
        assertEquals(List.of(403, 409, 424, 402, 429, 429, 503, 504, 422, 502), CATALOGUE.stream().map(ErrorCode::status).toList());
    }

    /** Every catalogue error tells the user what to do about it, in their language. */
    @ParameterizedTest
    @EnumSource(names = {"CHATGPT_NOT_ACTIVATED", "API_KEY_MISSING", "API_KEY_INVALID", "INSUFFICIENT_QUOTA", "RATE_LIMITED",
            "TOKEN_LIMIT_REACHED", "OPENAI_UNAVAILABLE", "OPENAI_TIMEOUT", "INVALID_REQUEST", "UPSTREAM_ERROR"})
    void everyCatalogueErrorHasAdviceInBothLanguages(ErrorCode code) {
        assertTrue(CATALOGUE.contains(code));
        String en = Messages.optionalText(Locale.ENGLISH, code.code() + ".advice");
        String de = Messages.optionalText(Locale.GERMAN, code.code() + ".advice");
        assertNotNull(en, code.code() + ".advice in English");
        assertNotNull(de, code.code() + ".advice in German");
        assertNotEquals(en, de, code.code() + ".advice is not translated");
    }

    @Test
    void theConflictNamesTheCurrentVersion() {
        String en = Messages.text(Locale.ENGLISH, "version_conflict.detail", 5);
        String de = Messages.text(Locale.GERMAN, "version_conflict.detail", 5);
        assertTrue(en.contains("5"), en);
        assertTrue(de.contains("5"), de);
        assertFalse(en.contains("{0}") || de.contains("{0}"), "placeholder left unfilled");
    }

    /** Java 8 read .properties as ISO-8859-1; a file written in UTF-8 would then show "UngÃ¼ltige". */
    @Test
    void germanTextsKeepTheirUmlauts() throws IOException {
        assertEquals("Ung\u00fcltige Eingabe", Messages.text(Locale.GERMAN, "validation_failed.title"));
        Properties de = bundle("messages_de.properties");
        assertEquals("Ung\u00fcltige Eingabe", de.getProperty("validation_failed.title"));
        assertTrue(de.values().stream().map(String::valueOf).anyMatch(v -> v.matches(".*[\u00e4\u00f6\u00fc\u00c4\u00d6\u00dc\u00df].*")));
        for (String key : de.stringPropertyNames()) {
            String value = de.getProperty(key);
            assertFalse(value.contains("\u00c3") || value.contains("\ufffd"), key + " is mis-encoded: " + value);
        }
    }
}
