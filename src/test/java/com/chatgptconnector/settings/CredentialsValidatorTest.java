package com.chatgptconnector.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.chatgptconnector.problem.ValidationException;
import com.chatgptconnector.settings.CredentialsValidator.Credentials;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsValidatorTest {

    static final String KEY = "sk-proj-" + "Abcdefghij0123456789" + "WXyz";

    static List<String> violations(String key, String org, String project) {
        ValidationException e = assertThrows(ValidationException.class, () -> CredentialsValidator.validate(key, org, project));
        e.violations().forEach(v -> Arrays.stream(v.args()).forEach(arg -> assertFalse(String.valueOf(arg).contains("Abcdefghij"))));
        assertFalse(String.valueOf(e.getMessage()).contains("Abcdefghij"));
        return e.violations().stream().map(v -> v.field() + ":" + v.code()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-0123456789abcdefghijKLMN", "sk-proj-0123456789abcdefghij_-XY", "sk-svcacct-0123456789abcdefghijQR"})
    void acceptsTheKeyFormatsOpenAiIssues(String key) {
        assertEquals(key, CredentialsValidator.validate(key, null, null).apiKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "  ", "\t", " \r\n"})
    void forgivesWhitespaceAroundAPastedKey(String around) {
        Credentials credentials = CredentialsValidator.validate(around + KEY + around, "  org-Abc1 ", " proj_Q2\n");
        assertEquals(KEY, credentials.apiKey());
        assertEquals("org-Abc1", credentials.organizationId());
        assertEquals("proj_Q2", credentials.projectId());
        assertEquals("WXyz", credentials.hint());
        assertFalse(credentials.toString().contains("Abcdefghij"), "toString never shows the key");
    }

    @Test
    void refusesEachKindOfBadKeyWithItsOwnCode() {
        assertEquals(List.of("apiKey:required"), violations(null, null, null));
        assertEquals(List.of("apiKey:required"), violations("   ", null, null));
        assertEquals(List.of("apiKey:bearer_prefix"), violations("Bearer " + KEY, null, null));
        assertEquals(List.of("apiKey:bearer_prefix"), violations("bearer " + KEY, null, null));
        assertEquals(List.of("apiKey:key_whitespace"), violations("sk-proj-Abcdefghij 0123456789", null, null));
        assertEquals(List.of("apiKey:key_whitespace"), violations("sk-proj-Abcdefghij\n0123456789", null, null));
        assertEquals(List.of("apiKey:key_whitespace"), violations("sk-proj-Abcdefghij\u00000123456789", null, null));
        assertEquals(List.of("apiKey:key_whitespace"), violations("sk-proj-Abcdefghij\u00a00123456789", null, null));
        assertEquals(List.of("apiKey:key_prefix"), violations("pk-proj-Abcdefghij0123456789", null, null));
        assertEquals(List.of("apiKey:admin_key"), violations("sk-admin-Abcdefghij0123456789", null, null));
        assertEquals(List.of("apiKey:key_length"), violations("sk-Abcdefghij", null, null));
        assertEquals(List.of("apiKey:key_length"), violations("sk-Abcdefghij" + "x".repeat(600), null, null));
        assertEquals(List.of("apiKey:key_characters"), violations("sk-Abcdefghij$0123456789", null, null));
    }

    @Test
    void refusesBadIdsAndReportsAllFieldsTogether() {
        assertEquals(List.of("organizationId:organization_format"), violations(KEY, "acme", null));
        assertEquals(List.of("organizationId:organization_format"), violations(KEY, "org-" + "a".repeat(65), null));
        assertEquals(List.of("projectId:project_format"), violations(KEY, null, "proj-x"));
        assertEquals(List.of("apiKey:bearer_prefix", "organizationId:organization_format", "projectId:project_format"),
                violations("Bearer " + KEY, "acme", "project"));
    }

    @Test
    void blankIdsMeanNone() {
        Credentials credentials = CredentialsValidator.validate(KEY, "", "  ");
        assertNull(credentials.organizationId());
        assertNull(credentials.projectId());
    }
}
