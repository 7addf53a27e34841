package com.chatgptconnector.settings;

import java.time.Instant;
import java.util.List;

/**
 * The settings as every client sees them. There is deliberately no field that could hold the
 * key: only its source, the last four characters, and whether it must be re-entered.
 */
public record SettingsView(
        String workspaceId,
        String status,
        String keySource,
        String keyHint,
        String keyState,
        String organizationId,
        String projectId,
        Long tokenLimit,
        List<String> allowedModels,
        Instant statusChangedAt,
        String statusChangedBy,
        Instant keyChangedAt,
        String keyChangedBy,
        Instant updatedAt,
        long version,
        com.chatgptconnector.settings.ConnectionTestResult verification) {

    /** The same view with the result of the check against OpenAI that preceded a key change. */
    public SettingsView withVerification(com.chatgptconnector.settings.ConnectionTestResult result) {
        return new SettingsView(workspaceId, status, keySource, keyHint, keyState, organizationId, projectId, tokenLimit,
                allowedModels, statusChangedAt, statusChangedBy, keyChangedAt, keyChangedBy, updatedAt, version, result);
    }

    /** {@code NONE}: no key; {@code STORED}: usable; {@code MUST_BE_REENTERED}: it no longer decrypts. */
    static SettingsView of(ChatGptSettings s) {
        String keyState = !s.hasKey() ? "NONE" : s.keyUnreadable() ? "MUST_BE_REENTERED" : "STORED";
        return new SettingsView(s.workspaceId(), s.status().name(), s.keySource().name(), s.keyHint(), keyState,
                s.organizationId(), s.projectId(), s.monthlyTokenLimit(), s.allowedModels(),
                s.statusChangedAt(), s.statusChangedBy(), s.keyChangedAt(), s.keyChangedBy(), s.updatedAt(), s.version(), null);
    }
}
