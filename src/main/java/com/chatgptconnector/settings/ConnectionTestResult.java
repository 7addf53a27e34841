package com.chatgptconnector.settings;

/**
 * A working connection: how it was checked ({@code models}, or {@code chat} for a restricted
 * key that may not list models), the permission such a key lacks, OpenAI's request id and a
 * sentence for the user. {@code code} is the catalogue code where the check failed (only when the
 * key was stored anyway, e.g. because the account has no credit yet).
 */
public record ConnectionTestResult(boolean ok, String code, String checkedWith, String missingPermission, String openaiRequestId, String message) {
}
