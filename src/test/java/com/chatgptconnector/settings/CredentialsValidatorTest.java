package com.chatgptconnector.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.chatgptconnector.problem.Messages;
import com.chatgptconnector.problem.ValidationException;
import com.chatgptconnector.problem.ValidationException.Violation;
import com.chatgptconnector.settings.CredentialsValidator.Credentials;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsValidatorTest {

    /** Part of every test key, so a leak of any of them into text is found by one search. */
    static final String SECRET = "Qx7Vw2Lp9Zr";
    static final String KEY = "sk-proj-" + SECRET + "0123456789abcdWXyz";

    /** Refuses, and checks that nothing a user or a log could see repeats the key. */
    static List<String> refused(String key, String organization, String project) {
        ValidationException e = assertThrows(ValidationException.class, () -> CredentialsValidator.validate(key, organization, project));
        assertNoSecret(e.getMessage());
        assertNoSecret(e.toString());
        for (Violation v : e.violations()) {
            Arrays.stream(v.args()).forEach(arg -> assertNoSecret(String.valueOf(arg)));
            // the mapper renders "validation.<code>": a code without a text would reach the user as a bare key
            for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
                String text = Messages.optionalText(locale, "validation." + v.code(), v.args());
                assertNotNull(text, "no " + locale + " text for validation." + v.code());
                assertNoSecret(text);
            }
        }
        return e.violations().stream().map(v -> v.field() + ":" + v.code()).toList();
    }

    static void assertNoSecret(String text) {
        assertFalse(String.valueOf(text).contains(SECRET), () -> "the key leaked into: " + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sk-" + SECRET + "0123456789",
            "sk-proj-" + SECRET + "_0123456789-abcDEF",
            "sk-svcacct-" + SECRET + "-0123456789_xyz",
            "sk-" + SECRET + "012345" /* exactly 20 characters */})
    void acceptsTheKeyFormatsOpenAiIssues(String key) {
        Credentials credentials = CredentialsValidator.validate(key, null, null);
        assertEquals(key, credentials.apiKey());
        assertNull(credentials.organizationId());
        assertNull(credentials.projectId());
    }

    @Test
    void acceptsTheLongestKey() {
        String key = "sk-proj-" + SECRET + "x".repeat(512 - 8 - SECRET.length());
        assertEquals(512, key.length());
        assertEquals(key, CredentialsValidator.validate(key, null, null).apiKey());
    }

    /** What a copy from a terminal, a password manager or a text editor adds around a key. */
    @ParameterizedTest
    @MethodSource
    void forgivesWhitespaceAroundAPastedKey(String pasted) {
        assertEquals(KEY, CredentialsValidator.validate(pasted, null, null).apiKey());
    }

    static Stream<String> forgivesWhitespaceAroundAPastedKey() {
        return Stream.of(KEY + "\n", KEY + "\r\n", "  " + KEY + "  ", "\t" + KEY + "\t", " \t" + KEY + " \r\n");
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource
    void refusesABadKeyWithACodeThatSaysWhatIsWrong(String description, String key, String code) {
        assertEquals(List.of("apiKey:" + code), refused(key, null, null));
    }

    static Stream<Arguments> refusesABadKeyWithACodeThatSaysWhatIsWrong() {
        return Stream.of(
                Arguments.of("missing", null, "required"),
                Arguments.of("empty", "", "required"),
                Arguments.of("blank", " \t\r\n", "required"),
                Arguments.of("curl's Bearer", "Bearer " + KEY, "bearer_prefix"),
                Arguments.of("lower-case bearer", "bearer " + KEY, "bearer_prefix"),
                Arguments.of("inner space", "sk-proj-" + SECRET + " 0123456789", "key_whitespace"),
                Arguments.of("inner tab", "sk-proj-" + SECRET + "\t0123456789", "key_whitespace"),
                Arguments.of("inner newline", "sk-proj-" + SECRET + "\n0123456789", "key_whitespace"),
                Arguments.of("inner NUL", "sk-proj-" + SECRET + "\u00000123456789", "key_whitespace"),
                Arguments.of("inner no-break space", "sk-proj-" + SECRET + "\u00a00123456789", "key_whitespace"),
                Arguments.of("publishable-key prefix", "pk-proj-" + SECRET + "0123456789", "key_prefix"),
                Arguments.of("admin key", "sk-admin-" + SECRET + "0123456789", "admin_key"),
                Arguments.of("too short", "sk-" + SECRET + "01234", "key_length"),
                Arguments.of("too long", "sk-proj-" + SECRET + "x".repeat(513 - 8 - SECRET.length()), "key_length"),
                Arguments.of("far too long", "sk-" + SECRET + "x".repeat(5000), "key_length"),
                Arguments.of("foreign character", "sk-abc$def" + SECRET + "0123456789", "key_characters"),
                Arguments.of("dot", "sk-proj-" + SECRET + ".0123456789", "key_characters"));
    }

    @Test
    void keyLengthNamesTheLimitsNotTheKey() {
        ValidationException e = assertThrows(ValidationException.class, () -> CredentialsValidator.validate("sk-" + SECRET, null, null));
        assertEquals(List.of(20, 512), List.of(e.violations().get(0).args()));
    }

    @Test
    void acceptsAndTrimsOrganizationAndProject() {
        Credentials credentials = CredentialsValidator.validate(KEY, "  org-Abc123\n", "\tproj_Q2x9 ");
        assertEquals("org-Abc123", credentials.organizationId());
        assertEquals("proj_Q2x9", credentials.projectId());
        assertEquals("org-" + "a".repeat(64), CredentialsValidator.validate(KEY, "org-" + "a".repeat(64), null).organizationId());
    }

    @Test
    void refusesMalformedOrganizationAndProject() {
        assertEquals(List.of("organizationId:organization_format"), refused(KEY, "acme", null));
        assertEquals(List.of("organizationId:organization_format"), refused(KEY, "org-", null));
        assertEquals(List.of("organizationId:organization_format"), refused(KEY, "org-" + "a".repeat(65), null));
        assertEquals(List.of("projectId:project_format"), refused(KEY, null, "proj-x"));
        assertEquals(List.of("projectId:project_format"), refused(KEY, null, "proj_"));
    }

    /** Clearing a field in the form sends "" or spaces; that means "no organization", not a bad one. */
    @Test
    void blankIdsMeanNone() {
        Credentials credentials = CredentialsValidator.validate(KEY, "", " \t ");
        assertNull(credentials.organizationId());
        assertNull(credentials.projectId());
    }

    /** The form shows every mistake at once, in the order of its fields. */
    @Test
    void reportsEveryBadFieldTogetherInFormOrder() {
        assertEquals(List.of("apiKey:bearer_prefix", "organizationId:organization_format", "projectId:project_format"),
                refused("Bearer " + KEY, "acme", "proj-x"));
        assertEquals(List.of("apiKey:required", "projectId:project_format"), refused(null, "org-ok1", "project"));
        assertEquals(List.of("organizationId:organization_format", "projectId:project_format"), refused(KEY, "acme", "proj-x"));
    }

    @Test
    void theHintIsTheLastFourCharactersAndToStringHidesTheKey() {
        Credentials credentials = CredentialsValidator.validate(KEY + "\n", "org-Abc123", null);
        assertEquals("WXyz", credentials.hint());
        String shown = credentials.toString();
        assertNoSecret(shown);
        assertFalse(shown.contains(KEY.substring(0, 12)), shown);
    }

    /** A copied key can carry an invisible byte-order mark or zero-width space: say so, not "starts with sk-". */
    @ParameterizedTest
    @ValueSource(strings = {"\ufeffsk-proj-Abcdefghij0123456789", "sk-proj-Abcdefghij\u200b0123456789"})
    void invisibleFormatCharactersAreReportedAsWhitespace(String key) {
        ValidationException e = assertThrows(ValidationException.class, () -> CredentialsValidator.validate(key, null, null));
        assertEquals(List.of("apiKey:key_whitespace"), e.violations().stream().map(v -> v.field() + ":" + v.code()).toList());
    }

    @Test
    void largeVersionNumbersAreShownWithoutGroupingSeparators() {
        assertFalse(Messages.text(Locale.ENGLISH, "version_conflict.detail", 1234L).contains("1,234"));
        assertFalse(Messages.text(Locale.GERMAN, "version_conflict.detail", 1234L).contains("1.234"));
        assertTrue(Messages.text(Locale.GERMAN, "version_conflict.detail", 1234L).contains("1234"));
    }
}
