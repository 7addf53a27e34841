package com.chatgptconnector.settings;

import com.chatgptconnector.problem.ValidationException;
import com.chatgptconnector.problem.ValidationException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks and normalises what an admin pastes into the key form. People paste keys with a
 * trailing newline or with the {@code Bearer } prefix from a curl example; the first is
 * forgiven, the second is refused with a message that says what to remove. Every problem with
 * every field is reported at once. No message ever contains the key.
 */
public final class CredentialsValidator {

    static final int MIN_KEY_LENGTH = 20;
    static final int MAX_KEY_LENGTH = 512;
    private static final Pattern KEY_CHARACTERS = Pattern.compile("sk-[A-Za-z0-9_-]+");
    private static final Pattern ORGANIZATION = Pattern.compile("org-[A-Za-z0-9]{1,64}");
    private static final Pattern PROJECT = Pattern.compile("proj_[A-Za-z0-9]{1,64}");

    /** Validated, normalised credentials. {@code toString} never shows the key. */
    public record Credentials(String apiKey, String organizationId, String projectId) {

        public String hint() {
            return apiKey.substring(apiKey.length() - 4);
        }

        @Override
        public String toString() {
            return "Credentials[apiKey=…" + hint() + ", organizationId=" + organizationId + ", projectId=" + projectId + "]";
        }
    }

    private CredentialsValidator() {
    }

    public static Credentials validate(String rawKey, String rawOrganization, String rawProject) {
        List<Violation> violations = new ArrayList<>();
        String key = rawKey == null ? "" : rawKey.strip();
        if (key.isEmpty()) {
            violations.add(new Violation("apiKey", "required"));
        } else if (key.toLowerCase(Locale.ROOT).startsWith("bearer")) {
            violations.add(new Violation("apiKey", "bearer_prefix"));
        } else if (key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)
                // invisible format characters (byte-order mark, zero-width space) come along when copying
                || Character.getType(c) == Character.FORMAT)) {
            violations.add(new Violation("apiKey", "key_whitespace"));
        } else if (!key.startsWith("sk-")) {
            violations.add(new Violation("apiKey", "key_prefix"));
        } else if (key.startsWith("sk-admin-")) {
            violations.add(new Violation("apiKey", "admin_key"));
        } else if (key.length() < MIN_KEY_LENGTH || key.length() > MAX_KEY_LENGTH) {
            violations.add(new Violation("apiKey", "key_length", MIN_KEY_LENGTH, MAX_KEY_LENGTH));
        } else if (!KEY_CHARACTERS.matcher(key).matches()) {
            violations.add(new Violation("apiKey", "key_characters"));
        }
        String organization = optional(rawOrganization);
        if (organization != null && !ORGANIZATION.matcher(organization).matches()) {
            violations.add(new Violation("organizationId", "organization_format"));
        }
        String project = optional(rawProject);
        if (project != null && !PROJECT.matcher(project).matches()) {
            violations.add(new Violation("projectId", "project_format"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Credentials(key, organization, project);
    }

    /** An empty or blank optional id means "none": that is how a client clears it. */
    private static String optional(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        return value.isEmpty() ? null : value;
    }
}
